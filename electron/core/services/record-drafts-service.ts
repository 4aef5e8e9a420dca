// A doctor's unfinished note, kept on this workstation only and encrypted,
// per author, patient and appointment: saved every few seconds while typing,
// loaded when the chart reopens, discarded once the record is written. Never
// synced (record_drafts is a local table).
import { randomUUID } from 'node:crypto';
import type { DraftContent } from '../../../shared/api/records';
import type { ChannelInput } from '../../../shared/api/channels';
import { AppError } from '../../../shared/errors';
import type { ClinicStore } from '../clinic/clinic-store';
import { decryptField, encryptField } from '../crypto/field-crypto';
import type { Repositories } from '../repos/repositories';
import { authorDoctorId } from './record-author';
import { requireOpen } from './sensitive-patients-service';
import { requireCap, type Session } from './session';

export class RecordDraftsService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  private draftKey(session: Session, r: { patientId: string; appointmentId: string | null }) {
    const tenantId = session.actor.tenantId;
    this.repos.patients.get(tenantId, r.patientId);
    if (r.appointmentId) {
      const appt = this.repos.appointments.get(tenantId, r.appointmentId);
      if (appt.patientId !== r.patientId)
        throw new AppError('VALIDATION_FAILED', 'That appointment is for another patient.');
    }
    return {
      tenantId,
      userId: session.user.id,
      patientId: r.patientId,
      appointmentKey: r.appointmentId ?? '',
    };
  }

  /** Saves this author's draft on this workstation only, encrypted; called every few seconds while typing. */
  save(session: Session, r: ChannelInput<'drafts.save'>): { savedAt: string } {
    requireCap(session, 'records.write');
    authorDoctorId(this.repos, session);
    const key = this.draftKey(session, r);
    const id = this.store.drafts.find(key)?.id ?? randomUUID();
    const sealed = encryptField(
      this.store.keyring,
      { tenantId: key.tenantId, table: 'record_drafts', rowId: id },
      JSON.stringify(r.content),
    );
    const savedAt = this.store.nowIso();
    this.store.drafts.save(key, {
      id,
      ciphertext: sealed.ciphertext,
      wrappedKey: sealed.wrappedKey,
      savedAt,
    });
    return { savedAt };
  }

  load(
    session: Session,
    r: ChannelInput<'drafts.load'>,
  ): { content: DraftContent; savedAt: string } | null {
    requireCap(session, 'records.write');
    const key = this.draftKey(session, r);
    requireOpen(this.store, session, r.patientId);
    const d = this.store.drafts.find(key);
    if (!d) return null;
    const text = decryptField(
      this.store.keyring,
      { tenantId: key.tenantId, table: 'record_drafts', rowId: d.id },
      { ciphertext: d.ciphertext, wrappedKey: d.wrappedKey },
    );
    this.store.audit(session.actor, 'read', 'record_drafts', d.id);
    return { content: JSON.parse(text) as DraftContent, savedAt: d.savedAt };
  }

  discard(session: Session, r: ChannelInput<'drafts.discard'>): { discarded: boolean } {
    requireCap(session, 'records.write');
    return { discarded: this.store.drafts.discard(this.draftKey(session, r)) };
  }
}
