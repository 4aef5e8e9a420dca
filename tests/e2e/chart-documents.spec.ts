// Documents on a chart, in Chromium against the real browser host: a doctor
// attaches a PDF and a PNG, previews both (the image inline, the PDF in an
// <object> from a blob: URL), and a file of another type is refused with a
// clear message. axe on the documents view.
import { readFile } from 'node:fs/promises';
import { jpegBytes, pdfWithText, pngBytes } from '../core/api/document-files';
import { expectAccessible } from './support/axe';
import { DOCTOR, addDoctor, addPatient } from './support/chart-clinic';
import { createClinicViaApi, expect, logIn, openApp, test } from './support/fixtures';
import type { RunningHost } from './support/host-process';

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
  await attach('Discharge letter', 'letter.pdf', 'application/pdf', pdfWithText('Discharged'));
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

  await list.getByRole('button', { name: 'Preview Discharge letter' }).click();
  const pdf = list.locator('object[type="application/pdf"]');
  await expect(pdf).toHaveAttribute('data', /^blob:/);
  // The blob holds the PDF the doctor attached (a copy saved from it).
  const saved = page.waitForEvent('download');
  await list.getByRole('link', { name: 'Save a copy of Discharge letter' }).click();
  const copy = await readFile(await (await saved).path());
  expect(copy.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  expect(copy.toString('latin1')).toContain('(Discharged) Tj');
  await expectAccessible(page, 'documents with previews');
});
