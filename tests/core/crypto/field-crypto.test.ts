import { describe, expect, it } from 'vitest';
import { clinicWorld } from '../world';
import { writableDb } from '../../../electron/core/clinic/writable-db';

describe('per-record encryption of clinical content', () => {
  it('decrypts a record for its doctor, and audits the read', async () => {
    const w = await clinicWorld();
    try {
      const before = writableDb(w.store)
        .prepare("SELECT count(*) AS n FROM audit_logs WHERE action='read'")
        .get() as { n: number };
      expect(w.services.records.readContent(w.doctorSession, w.record.id)).toEqual({
        text: 'Suspected sarcoidosis-marker-7731, order chest CT.',
      });
      const after = writableDb(w.store)
        .prepare("SELECT count(*) AS n FROM audit_logs WHERE action='read'")
        .get() as { n: number };
      expect(after.n).toBe(before.n + 1);
    } finally {
      w.close();
    }
  });

  it('a ciphertext moved to another record fails to decrypt', async () => {
    const w = await clinicWorld();
    try {
      const second = w.services.records.create(w.doctorSession, {
        patientId: w.patient.id,
        recordType: 'allergy',
        content: { substance: 'penicillin' },
      });
      // Copy record 1's ciphertext and wrapped key onto record 2, as an attacker with SQL access could.
      writableDb(w.store)
        .prepare(
          'UPDATE medical_records SET encryptedData = (SELECT encryptedData FROM medical_records WHERE id = ?), encryptionKey = (SELECT encryptionKey FROM medical_records WHERE id = ?) WHERE id = ?',
        )
        .run(w.record.id, w.record.id, second.id);
      expect(() => w.services.records.readContent(w.doctorSession, second.id)).toThrow(
        expect.objectContaining({ code: 'DECRYPT_FAILED' }),
      );
      // The original still opens.
      expect(w.services.records.readContent(w.doctorSession, w.record.id)).toHaveProperty('text');
    } finally {
      w.close();
    }
  });

  it('a message body moved to another message fails to decrypt', async () => {
    const w = await clinicWorld();
    try {
      const other = w.services.messages.send(w.desk, {
        receiverId: w.doctorSession.user.id,
        body: 'Room 3 is free.',
      });
      writableDb(w.store)
        .prepare(
          'UPDATE messages SET encryptedMessage = (SELECT encryptedMessage FROM messages WHERE id = ?), encryptionKey = (SELECT encryptionKey FROM messages WHERE id = ?) WHERE id = ?',
        )
        .run(w.message.id, w.message.id, other.id);
      expect(() => w.services.messages.readBody(w.doctorSession, other.id)).toThrow(
        expect.objectContaining({ code: 'DECRYPT_FAILED' }),
      );
    } finally {
      w.close();
    }
  });
});

describe('signing and amendments', () => {
  it('signs a note once; a correction is an amendment and the original stays readable', async () => {
    const w = await clinicWorld();
    try {
      const signed = w.services.records.sign(w.doctorSession, w.record.id);
      expect(signed.signedBy).toBe(w.doctorSession.user.id);
      expect(() => w.services.records.sign(w.doctorSession, w.record.id)).toThrow(
        expect.objectContaining({ code: 'INVALID_TRANSITION' }),
      );
      const amendment = w.services.records.amend(w.doctorSession, w.record.id, {
        text: 'Correction: CT booked.',
      });
      expect(amendment.amendsRecordId).toBe(w.record.id);
      expect(w.services.records.readContent(w.doctorSession, w.record.id)).toEqual({
        text: 'Suspected sarcoidosis-marker-7731, order chest CT.',
      });
      expect(() => w.services.records.sign(w.desk, amendment.id)).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
    } finally {
      w.close();
    }
  });
});
