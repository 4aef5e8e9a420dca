// Messages between staff. Bodies are encrypted per message; reading one is audited.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { SendMessageRequest } from '../../../shared/api/messages';
import type { Message } from '../../../shared/domain/message';
import { AppError } from '../../../shared/errors';
import { decryptField, encryptField } from '../crypto/field-crypto';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../clinic/clinic-store';
import { requireCap, type Session } from './session';

export class MessagesService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  send(session: Session, m: z.input<typeof SendMessageRequest>): Message {
    requireCap(session, 'messages.use');
    const tenantId = session.actor.tenantId;
    this.repos.users.get(tenantId, m.receiverId);
    if (m.patientId) this.repos.patients.get(tenantId, m.patientId);
    const id = randomUUID();
    const sealed = encryptField(
      this.store.keyring,
      { tenantId, table: 'messages', rowId: id },
      m.body,
    );
    return this.repos.messages.create(
      session.actor,
      {
        senderId: session.user.id,
        receiverId: m.receiverId,
        encryptedMessage: sealed.ciphertext,
        encryptionKey: sealed.wrappedKey,
        timestamp: this.store.nowIso(),
        readAt: null,
        patientId: m.patientId ?? null,
      },
      id,
    );
  }

  /** Messages to or from the user, newest first (metadata only). */
  list(session: Session, limit = 100): Message[] {
    requireCap(session, 'messages.use');
    return this.repos.messages.list(session.actor.tenantId, {
      where: 'receiverId = ? OR senderId = ?',
      params: [session.user.id, session.user.id],
      orderBy: 'timestamp DESC',
      limit,
    });
  }

  /** A message's body, for its sender or receiver only; audited as a read. */
  readBody(session: Session, id: string): string {
    requireCap(session, 'messages.use');
    const tenantId = session.actor.tenantId;
    const m = this.repos.messages.get(tenantId, id);
    if (m.senderId !== session.user.id && m.receiverId !== session.user.id) {
      throw new AppError('NOT_FOUND', 'That record does not exist.');
    }
    const body = decryptMessage(this.store, tenantId, m);
    this.store.audit(session.actor, 'read', 'messages', m.id);
    return body;
  }
}

export const decryptMessage = (store: ClinicStore, tenantId: string, m: Message): string =>
  decryptField(
    store.keyring,
    { tenantId, table: 'messages', rowId: m.id },
    {
      ciphertext: m.encryptedMessage,
      wrappedKey: m.encryptionKey,
    },
  );
