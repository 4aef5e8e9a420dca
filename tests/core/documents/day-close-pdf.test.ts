// The printable daily close: the sealed close's figures as the front desk
// counted them, for whoever may list it (its user, an admin), audited as an
// export; a doctor is refused and an unknown close is not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { clinicWorld } from '../world';
import { pdfText } from './pdf-text';

let w: Awaited<ReturnType<typeof clinicWorld>>;
beforeAll(async () => {
  w = await clinicWorld();
});
afterAll(() => w.close());

describe('daily close PDF', () => {
  it('prints the sealed close with its number, user, expected takings, count and difference', async () => {
    // The world's close: the desk took 50.00 by card and counted 0.00 cash.
    const doc = await w.services.billing.closeDocument(w.desk, { id: w.dayClose.id });
    expect(doc.fileName).toBe(`close-${w.dayClose.closeNumber}.pdf`);
    const pdf = Buffer.from(doc.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Riverside Clinic');
    expect(text).toContain(`Daily close ${w.dayClose.closeNumber}`);
    expect(text).toContain('Fran Desk');
    expect(text).toMatch(/Card\s*50\.00 GBP/);
    expect(text).toMatch(/Cash counted\s*0\.00 GBP/);
    expect(text).toMatch(/Difference\s*0\.00 GBP/);
    expect(text).not.toContain(w.patient.familyName);
    const audited = writableDb(w.store)
      .prepare(
        "SELECT count(*) AS n FROM audit_logs WHERE action = 'export' AND tableAffected = 'day_closes' AND recordId = ?",
      )
      .get(w.dayClose.id) as { n: number };
    expect(audited.n).toBe(1);
  });

  it('is for the close’s user and admins: a doctor is refused, an unknown close is not found', async () => {
    await expect(w.services.billing.closeDocument(w.admin, { id: w.dayClose.id })).resolves.toEqual(
      expect.objectContaining({ fileName: `close-${w.dayClose.closeNumber}.pdf` }),
    );
    await expect(
      w.services.billing.closeDocument(w.doctorSession, { id: w.dayClose.id }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      w.services.billing.closeDocument(w.desk, { id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
