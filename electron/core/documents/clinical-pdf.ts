// What the clinical PDFs (prescription, visit summary) share: a pdfkit
// document with the standard fonts (nothing to embed), collected into one
// Buffer, and the clinic's letterhead. Same approach as invoice-pdf.ts.
import PDFDocument from 'pdfkit';

export interface Letterhead {
  name: string;
  address: string | null;
  contactEmail: string | null;
  phone: string | null;
}

/** The clinic's contact lines under its name, on every document: address, phone, email. */
export function clinicLines(c: Omit<Letterhead, 'name'>): string[] {
  return [c.address, c.phone ? `Tel. ${c.phone}` : null, c.contactEmail].filter(
    (l): l is string => !!l,
  );
}

export type Pdf = InstanceType<typeof PDFDocument>;

/** Runs `draw` on a new A4 document and resolves with the finished file. */
export function renderPdf(title: string, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

export function letterhead(doc: Pdf, clinic: Letterhead, title: string): void {
  doc.font('Helvetica-Bold').fontSize(16).text(clinic.name);
  doc.font('Helvetica').fontSize(10);
  for (const line of clinicLines(clinic)) doc.text(line);
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(14).text(title);
  doc.font('Helvetica').fontSize(10);
}

/** "Label: value" lines, leaving out empty values. */
export function facts(doc: Pdf, lines: readonly (readonly [string, string | null | undefined])[]) {
  for (const [label, value] of lines) if (value) doc.text(`${label}: ${value}`);
}

export function heading(doc: Pdf, text: string): void {
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(12).text(text);
  doc.font('Helvetica').fontSize(10);
}
