// The clinic profile on two workstations over the real HTTPS server: a
// workstation that joins gets the profile whole; admins who change different
// parts of it offline both keep their change (per-cell last-writer-wins), and
// the same part changed on both ends the same everywhere (the later edit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesFor, type Services } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import { syncRound } from '../../../electron/core/sync/sync-round';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { ADMIN_PASSWORD } from '../helpers';
import type { clinicWorld } from '../world';
import { twoWorkstations, type TwoWorkstations } from './two-workstation-world';

describe('the clinic profile on two workstations', () => {
  let a: Awaited<ReturnType<typeof clinicWorld>>;
  let bStore: ClinicStore;
  let b: { services: Services; admin: Session };
  let world: TwoWorkstations;

  beforeAll(async () => {
    world = await twoWorkstations({ a: 'Front desk', b: 'Back office' });
    ({ a, bStore } = world);
    const services = servicesFor(bStore);
    b = { services, admin: await services.auth.login('admin@example.test', ADMIN_PASSWORD) };
  });
  afterAll(() => world.close());

  const both = async () => {
    await syncRound(a.store);
    await syncRound(bStore);
    await syncRound(a.store);
  };

  it('reaches a joined workstation whole', () => {
    expect(b.services.clinicSettings.get(b.admin)).toEqual(a.services.clinicSettings.get(a.admin));
    expect(b.services.clinicSettings.get(b.admin)).toMatchObject({
      dateFormat: 'YYYY-MM-DD',
      timeFormat: '24h',
      unitSystem: 'metric',
    });
  });

  it('keeps both admins’ offline changes to different parts of the profile', async () => {
    a.services.clinicSettings.update(a.admin, { dateFormat: 'DD/MM/YYYY', phone: '020 7946 0000' });
    b.services.clinicSettings.update(b.admin, {
      timeFormat: '12h',
      timeZone: 'Europe/Dublin',
      unitSystem: 'imperial',
    });
    await both();
    const onA = a.services.clinicSettings.get(a.admin);
    expect(onA).toMatchObject({
      dateFormat: 'DD/MM/YYYY',
      phone: '020 7946 0000',
      timeFormat: '12h',
      timeZone: 'Europe/Dublin',
      unitSystem: 'imperial',
    });
    expect(b.services.clinicSettings.get(b.admin)).toEqual(onA);
  });

  it('ends with the later edit everywhere when both change the same part', async () => {
    a.services.clinicSettings.update(a.admin, { dateFormat: 'MM/DD/YYYY' });
    // B's edit is made on a later millisecond than A's (both stores share this process's
    // clock), so its HLC is higher and it wins on both.
    const aEdited = Date.now();
    while (Date.now() <= aEdited) {
      /* the next millisecond */
    }
    b.services.clinicSettings.update(b.admin, { dateFormat: 'DD.MM.YYYY' });
    await both();
    expect(a.services.clinicSettings.get(a.admin).dateFormat).toBe('DD.MM.YYYY');
    expect(b.services.clinicSettings.get(b.admin).dateFormat).toBe('DD.MM.YYYY');
  });
});
