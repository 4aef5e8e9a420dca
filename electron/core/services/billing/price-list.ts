// The price list: services with a code, description, price and optional tax
// rate. Editing a price never changes an invoice (lines copy what they use).
import type { ChannelInput } from '../../../../shared/api/channels';
import type { PriceItem } from '../../../../shared/domain/billing';
import { AppError } from '../../../../shared/errors';
import { requireCap, type Session } from '../session';
import type { BillingReads } from './billing-reads';

export class PriceList {
  constructor(private readonly reads: BillingReads) {}

  priceList(session: Session): PriceItem[] {
    requireCap(session, 'billing.read');
    return this.reads.repos.priceItems.list(session.actor.tenantId, { orderBy: 'code, id' });
  }

  savePriceItem(session: Session, r: ChannelInput<'billing.savePriceItem'>): PriceItem {
    requireCap(session, 'settings.manage');
    const tenantId = session.actor.tenantId;
    const items = this.reads.repos.priceItems;
    const same = this.reads.priceItemByCode(tenantId, r.code);
    if (same && same.id !== r.id)
      throw new AppError('CONFLICT', `The code ${r.code} is already on the price list.`, [
        { path: 'code', message: 'That code is already used.' },
      ]);
    const values = {
      code: r.code,
      description: r.description,
      price: r.price,
      taxRateBp: r.taxRateBp,
      active: r.active,
    };
    if (r.id) {
      if (!items.find(tenantId, r.id))
        throw new AppError('NOT_FOUND', 'That service is not on the price list.');
      return items.update(session.actor, r.id, values);
    }
    return items.create(session.actor, values);
  }
}
