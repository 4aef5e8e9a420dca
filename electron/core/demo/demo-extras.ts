// The demo clinic's smaller pieces that every view should have something of:
// a scanned letter attached to the charted patient, and a pair of twins whom
// the duplicate check flags and the admin has marked as two different people.
import type { Services } from '../services/services';
import type { Session } from '../services/session';

/** A one-page PDF (no patient data): what a scanned referral letter would be. */
const REFERRAL_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 58 >> stream
BT /F1 18 Tf 72 760 Td (Referral letter - demo clinic) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

export function attachDemoLetter(services: Services, doctor: Session, patientId: string): void {
  services.attachments.upload(doctor, {
    patientId,
    title: 'Referral letter',
    fileName: 'referral.pdf',
    dataBase64: Buffer.from(REFERRAL_PDF, 'latin1').toString('base64'),
  });
}

/** The last two demo patients become twins (same family name and birth date), dismissed as a pair. */
export function addDemoTwins(
  services: Services,
  desk: Session,
  admin: Session,
  ids: readonly string[],
): void {
  const [first, second] = ids.slice(-2);
  if (!first || !second) return;
  const elder = services.repos.patients.get(desk.actor.tenantId, first);
  services.patients.update(desk, {
    id: second,
    changes: { familyName: elder.familyName, dateOfBirth: elder.dateOfBirth },
  });
  services.duplicateDismissals.dismiss(admin, { aId: first, bId: second });
}
