// Documents on a chart, in Chromium against the real browser host: a doctor
// attaches a PDF and a PNG, previews both (the image inline, the PDF drawn by
// pdf.js onto a canvas, its worker loaded from the app's origin under the
// app's CSP, pdf.js itself only fetched once a PDF is opened), and a file of
// another type is refused with a clear message; a "PDF" pdf.js cannot parse
// says so and keeps its saved copy. axe on the documents view.
import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { pdfText } from '../core/documents/pdf-text';
import { jpegBytes, pngBytes } from '../core/api/document-files';
import { expectAccessible } from './support/axe';
import { DOCTOR, addDoctor, addPatient } from './support/chart-clinic';
import { createClinicViaApi, expect, logIn, openApp, test } from './support/fixtures';
import type { RunningHost } from './support/host-process';

/** A real pdfkit PDF, one page per line of text (uncompressed, so a saved copy can be read back). */
function pdfkitPdf(lines: readonly string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  lines.forEach((line, i) => {
    if (i > 0) doc.addPage();
    doc.fontSize(24).text(line);
  });
  doc.end();
  return done;
}

/** How many pixels of a canvas are dark (ink on the white page pdf.js paints first). */
const darkPixels = (canvas: HTMLCanvasElement): number => {
  const ctx = canvas.getContext('2d');
  if (!ctx || canvas.width === 0) return 0;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let dark = 0;
  for (let i = 0; i < data.length; i += 4)
    if (
      (data[i + 3] ?? 0) > 0 &&
      (data[i] ?? 255) + (data[i + 1] ?? 255) + (data[i + 2] ?? 255) < 384
    )
      dark++;
  return dark;
};

async function clinicWithPatient(host: RunningHost) {
  await createClinicViaApi(host);
  await addDoctor(host);
  const patient = await addPatient(host);
  await host.api('session.logout', {});
  return { patientId: patient.id };
}

test('a doctor attaches a PDF and an image to a chart and previews them', async ({
  page,
  host,
}) => {
  const { patientId } = await clinicWithPatient(host);
  // Everything the page fetches, every worker it starts, every CSP refusal it reports.
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  const letter = await pdfkitPdf(['Discharged home on 12 March', 'Follow-up in two weeks']);
  await openApp(page, host);
  await logIn(page, DOCTOR.email, DOCTOR.password);
  await expect(page.getByRole('heading', { name: 'My day', level: 1 })).toBeVisible();
  await page.goto(`${host.origin}/#/chart/${patientId}/document`);

  const form = page.getByRole('form', { name: 'Attach a document' });
  const attach = async (title: string, name: string, mimeType: string, buffer: Buffer) => {
    await form.getByLabel('Title').fill(title);
    await form.getByLabel(/^File/).setInputFiles({ name, mimeType, buffer });
    await form.getByRole('button', { name: 'Attach' }).click();
  };

  // A file that is not a PDF or an image, even named .pdf, is refused.
  await attach('Not a letter', 'letter.pdf', 'application/pdf', Buffer.from('just some text'));
  await expect(form.getByRole('alert')).toContainText('Only PDF, PNG and JPEG files');

  // Each upload is listed before the next is chosen, as a user sees it arrive.
  const list = page.getByRole('region', { name: 'Attached documents' });
  const listed = (title: string) => expect(list.getByText(title, { exact: true })).toBeVisible();
  await attach('Discharge letter', 'letter.pdf', 'application/pdf', letter);
  await listed('Discharge letter');
  await attach('Rash photo', 'rash.png', 'image/png', pngBytes(32));
  await listed('Rash photo');
  await attach('X-ray', 'xray.jpg', 'image/jpeg', jpegBytes());
  await listed('X-ray');
  await expect(list.getByText('Discharge letter', { exact: true })).toBeVisible();
  // The type shown is the one read from the content.
  await expect(list.getByRole('listitem').filter({ hasText: 'Rash photo' })).toContainText(
    'PNG image',
  );
  await expect(list.getByRole('listitem').filter({ hasText: 'X-ray' })).toContainText('JPEG image');
  await expect(list.getByText('Not a letter')).toHaveCount(0);
  await expectAccessible(page, 'documents');

  await list.getByRole('button', { name: 'Preview Rash photo' }).click();
  const image = list.getByRole('img', { name: 'Preview of Rash photo' });
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('src', /^blob:/);
  // The image really decoded: it has the PNG's own size.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(32);

  // Nothing of pdf.js was fetched for the chart, the list or an image preview.
  expect(fetched.filter((u) => /pdf/i.test(new URL(u).pathname))).toEqual([]);

  await list.getByRole('button', { name: 'Preview Discharge letter' }).click();
  const row = list.getByRole('listitem').filter({ hasText: 'Discharge letter' });
  await expect(row.getByText('Page 1 of 2')).toBeVisible();
  const page1 = row.getByRole('img', { name: 'Preview of Discharge letter, page 1 of 2' });
  await expect(page1).toHaveAttribute('data-painted', 'true');
  await expect.poll(() => page1.evaluate(darkPixels)).toBeGreaterThan(100);
  // pdf.js ran in its own worker, a file of the app's origin; the CSP refused nothing.
  expect(workers.some((u) => u.startsWith(host.origin) && /pdf\.worker/.test(u))).toBe(true);
  expect(refused).toEqual([]);

  await row.getByRole('button', { name: 'Next page' }).click();
  await expect(row.getByText('Page 2 of 2')).toBeVisible();
  const page2 = row.getByRole('img', { name: 'Preview of Discharge letter, page 2 of 2' });
  await expect(page2).toHaveAttribute('data-painted', 'true');
  await expect.poll(() => page2.evaluate(darkPixels)).toBeGreaterThan(100);
  await expect(row.getByRole('button', { name: 'Next page' })).toBeDisabled();

  // The saved copy is the PDF the doctor attached, byte for byte.
  const saved = page.waitForEvent('download');
  await list.getByRole('link', { name: 'Save a copy of Discharge letter' }).click();
  const copy = await readFile(await (await saved).path());
  expect(copy.equals(letter)).toBe(true);
  expect(pdfText(copy)).toContain('Discharged home on 12 March');
  await expectAccessible(page, 'documents with previews');
});

test('a PDF that pdf.js cannot draw says so and still offers a saved copy', async ({
  page,
  host,
}) => {
  const { patientId } = await clinicWithPatient(host);
  await openApp(page, host);
  await logIn(page, DOCTOR.email, DOCTOR.password);
  await expect(page.getByRole('heading', { name: 'My day', level: 1 })).toBeVisible();
  await page.goto(`${host.origin}/#/chart/${patientId}/document`);
  const form = page.getByRole('form', { name: 'Attach a document' });
  await form.getByLabel('Title').fill('Scanned form');
  // PDF magic bytes (so the core stores it as a PDF) and nothing a PDF reader can parse.
  await form.getByLabel(/^File/).setInputFiles({
    name: 'form.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.7\nthis is not really a PDF\n', 'latin1'),
  });
  await form.getByRole('button', { name: 'Attach' }).click();
  const list = page.getByRole('region', { name: 'Attached documents' });
  await list.getByRole('button', { name: 'Preview Scanned form' }).click();
  await expect(list.getByRole('alert')).toContainText('This PDF could not be shown here');
  await expect(list.getByRole('link', { name: 'Save a copy of Scanned form' })).toBeVisible();
  await expect(list.getByRole('img')).toHaveCount(0);
});
