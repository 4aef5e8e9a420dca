// A document attached on workstation A reaches workstation B whole through a
// real sync server: a 3 MB PDF travels as 6 encrypted chunks, each within the
// protocol's value limit, and opens on B with the same bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesFor, type Services } from '../../../electron/core/services/services';
import type { Session } from '../../../electron/core/services/session';
import { syncRound } from '../../../electron/core/sync/sync-round';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { STAFF_PASSWORD } from '../fixtures';
import type { clinicWorld } from '../world';
import { pdfWithText } from '../api/document-files';
import { twoWorkstations, type TwoWorkstations } from './two-workstation-world';

describe('documents on two workstations', () => {
  let a: Awaited<ReturnType<typeof clinicWorld>>;
  let bStore: ClinicStore;
  let b: Services;
  let bDoctor: Session;
  let world: TwoWorkstations;

  beforeAll(async () => {
    world = await twoWorkstations({ a: 'Consulting room 1', b: 'Consulting room 2' });
    ({ a, bStore } = world);
    b = servicesFor(bStore);
    bDoctor = await b.auth.login('dr.house@example.test', STAFF_PASSWORD);
  });

  afterAll(async () => {
    await world.close();
  });

  it('a 3 MB PDF attached on A arrives complete on B', async () => {
    const pdf = Buffer.concat([
      pdfWithText('Referral letter'),
      Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 31) % 251)),
    ]);
    const item = a.services.attachments.upload(a.doctorSession, {
      patientId: a.patient.id,
      title: 'Referral letter',
      fileName: 'referral.pdf',
      dataBase64: pdf.toString('base64'),
    });
    expect(item.chunkCount).toBe(7);

    await syncRound(a.store);
    await syncRound(bStore);

    const onB = b.attachments.list(bDoctor, { patientId: a.patient.id }).items;
    expect(onB).toEqual([
      expect.objectContaining({
        documentId: item.documentId,
        title: 'Referral letter',
        complete: true,
        chunksPresent: 7,
      }),
    ]);
    const file = b.attachments.read(bDoctor, { documentId: item.documentId });
    expect(Buffer.from(file.dataBase64, 'base64').equals(pdf)).toBe(true);
    // On B the chunks are ciphertext at rest too.
    const stored = writableDb(bStore)
      .prepare('SELECT encryptedData FROM document_chunks WHERE documentId = ?')
      .all(item.documentId) as { encryptedData: string }[];
    expect(stored).toHaveLength(7);
    for (const c of stored) expect(c.encryptedData).not.toContain('Referral letter');
  });
});
