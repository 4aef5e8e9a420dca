// Documents attached to a chart, through the same dispatch both transports
// use: limits, the type taken from the content (not the name), encryption at
// rest, audited reads and writes, and who may do what, per role.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import { openCoreApp, type CoreApp } from '../../../electron/core/app/core-app';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { DOCUMENT_MAX_BYTES } from '../../../shared/charting/documents';
import { patientInput } from '../fixtures';
import { HARBOUR_CLINIC, memorySettings, tempDir, testWrapper } from '../helpers';
import { jpegBytes, pdfWithText, pngBytes } from './document-files';

const ADMIN = { email: HARBOUR_CLINIC.adminEmail, password: HARBOUR_CLINIC.adminPassword };
const DOCTOR = { email: 'doc@example.test', password: 'doctor-password-1' };
const DESK = { email: 'desk@example.test', password: 'desk-password-1' };
const MARKER = 'ZQXMARKERdiagnosisWalrus';

async function ok<N extends ChannelName>(
  app: CoreApp,
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResponse<N>> {
  const res = await app.dispatch(channel, request);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as ApiResponse<N>;
}

const errorOf = async (app: CoreApp, channel: string, request: unknown) => {
  const res = await app.dispatch(channel, request);
  if (res.ok) throw new Error(`${channel} was expected to fail`);
  return res.error;
};

const as = async (app: CoreApp, who: { email: string; password: string }) => {
  await app.dispatch('session.logout', {});
  await ok(app, 'session.login', who);
};

const rows = (app: CoreApp, table: string) =>
  (
    writableDb(app.workstation.requireStore())
      .prepare(`SELECT count(*) AS n FROM ${table}`)
      .get() as { n: number }
  ).n;

const auditOf = (app: CoreApp, table: string, action: string) =>
  (
    writableDb(app.workstation.requireStore())
      .prepare('SELECT count(*) AS n FROM audit_logs WHERE tableAffected = ? AND action = ?')
      .get(table, action) as { n: number }
  ).n;

/** Every file under the data folder (the store, its WAL, keys), as bytes. */
const filesUnder = (dir: string): Buffer[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path)];
  });

describe('documents attached to a chart', () => {
  let app: CoreApp;
  let patientId: string;
  let dataDir: string;
  let cleanup: () => void;

  beforeAll(async () => {
    const t = tempDir();
    dataDir = t.dir;
    app = await openCoreApp({
      dataDir: t.dir,
      keyWrapper: testWrapper(),
      settings: memorySettings(),
      now: () => Date.parse('2026-12-02T15:00:00.000Z'),
    });
    cleanup = () => {
      app.close();
      t.cleanup();
    };
    await ok(app, 'setup.createClinic', HARBOUR_CLINIC);
    await ok(app, 'doctors.create', {
      displayName: 'Dr Ines Okafor',
      specialty: 'General Practice',
      licenseNumber: 'L-77',
      consultationFee: 100,
      experienceYears: 9,
      ...DOCTOR,
    });
    await ok(app, 'users.create', { displayName: 'Fran Desk', role: 'front_desk', ...DESK });
    await as(app, DESK);
    patientId = (await ok(app, 'patients.create', patientInput())).id;
    await as(app, DOCTOR);
  });
  afterAll(() => cleanup());

  it('a doctor attaches a PDF and reads back the same bytes; the read is audited', async () => {
    const pdf = pdfWithText(MARKER);
    const item = await ok(app, 'attachments.upload', {
      patientId,
      title: 'Discharge letter',
      fileName: 'letter.pdf',
      dataBase64: pdf.toString('base64'),
    });
    expect(item).toMatchObject({
      title: 'Discharge letter',
      fileName: 'letter.pdf',
      mimeType: 'application/pdf',
      sizeBytes: pdf.length,
      complete: true,
      authorName: 'Dr Ines Okafor',
    });
    const reads = auditOf(app, 'documents', 'read');
    const file = await ok(app, 'attachments.read', { documentId: item.documentId });
    expect(Buffer.from(file.dataBase64, 'base64').equals(pdf)).toBe(true);
    expect(file.mimeType).toBe('application/pdf');
    expect(auditOf(app, 'documents', 'read')).toBe(reads + 1);
    expect(auditOf(app, 'document_chunks', 'create')).toBeGreaterThan(0);
    const list = await ok(app, 'attachments.list', { patientId });
    expect(list.items.map((d) => d.title)).toContain('Discharge letter');
    // It is a document record on the chart's timeline as well.
    const timeline = await ok(app, 'records.timeline', { patientId, types: ['document'] });
    expect(timeline.items.map((e) => e.id)).toContain(item.recordId);
  });

  it('takes the type from the content, not the name: a PNG named .pdf is a PNG', async () => {
    const png = await ok(app, 'attachments.upload', {
      patientId,
      title: 'Rash photo',
      fileName: 'photo.pdf',
      dataBase64: pngBytes().toString('base64'),
    });
    expect(png.mimeType).toBe('image/png');
    const jpeg = await ok(app, 'attachments.upload', {
      patientId,
      title: 'X-ray',
      fileName: 'xray',
      dataBase64: jpegBytes().toString('base64'),
    });
    expect(jpeg.mimeType).toBe('image/jpeg');
  });

  it('splits a file over 512 KiB into chunks and rebuilds it', async () => {
    const big = Buffer.concat([pdfWithText(MARKER), Buffer.alloc(1_300_000, 7)]);
    const item = await ok(app, 'attachments.upload', {
      patientId,
      title: 'Scan',
      dataBase64: big.toString('base64'),
    });
    expect(item.chunkCount).toBe(3);
    const file = await ok(app, 'attachments.read', { documentId: item.documentId });
    expect(Buffer.from(file.dataBase64, 'base64').equals(big)).toBe(true);
  });

  it('refuses an empty file, a refused type and a file over 10 MB, writing nothing', async () => {
    const before = ['medical_records', 'documents', 'document_chunks'].map((t) => rows(app, t));
    const cases: [Buffer, string][] = [
      [Buffer.alloc(0), 'The file is empty.'],
      [Buffer.from('MZ\x90\x00 not a document, whatever it is called'), 'Only PDF, PNG and JPEG'],
      [Buffer.from('<html>%PDF-1.4</html>'), 'Only PDF, PNG and JPEG'],
      [
        Buffer.concat([pdfWithText('big'), Buffer.alloc(DOCUMENT_MAX_BYTES, 1)]),
        'larger than the 10 MB limit',
      ],
    ];
    for (const [bytes, message] of cases) {
      const e = await errorOf(app, 'attachments.upload', {
        patientId,
        title: 'Bad',
        fileName: 'bad.pdf',
        dataBase64: bytes.toString('base64'),
      });
      expect(e.code).toBe('VALIDATION_FAILED');
      // The message, or the field's own message when the contract refused it before the core.
      expect([e.message, ...(e.issues ?? []).map((i) => i.message)].join(' ')).toContain(message);
    }
    expect(['medical_records', 'documents', 'document_chunks'].map((t) => rows(app, t))).toEqual(
      before,
    );
  });

  it('keeps the file encrypted at rest: no file of the store holds the PDF’s text', async () => {
    await ok(app, 'attachments.upload', {
      patientId,
      title: 'Marker letter',
      dataBase64: pdfWithText(MARKER).toString('base64'),
    });
    const chunk = writableDb(app.workstation.requireStore())
      .prepare('SELECT encryptedData FROM document_chunks LIMIT 1')
      .get() as { encryptedData: string };
    expect(chunk.encryptedData.startsWith('v1.')).toBe(true);
    expect(chunk.encryptedData).not.toContain(MARKER);
    const b64 = Buffer.from(MARKER).toString('base64').slice(0, 16);
    for (const bytes of filesUnder(dataDir)) {
      expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
      expect(bytes.includes(Buffer.from(b64))).toBe(false);
    }
  });

  it('refuses front desk and admins every document channel, and an unknown document', async () => {
    const doc = (await ok(app, 'attachments.list', { patientId })).items[0];
    if (!doc) throw new Error('no document');
    for (const who of [DESK, ADMIN]) {
      await as(app, who);
      const before = rows(app, 'documents');
      for (const [channel, request] of [
        [
          'attachments.upload',
          { patientId, title: 'x', dataBase64: pngBytes().toString('base64') },
        ],
        ['attachments.list', { patientId }],
        ['attachments.read', { documentId: doc.documentId }],
      ] as const) {
        expect((await errorOf(app, channel, request)).code).toBe('FORBIDDEN');
      }
      expect(rows(app, 'documents')).toBe(before);
    }
    await as(app, DOCTOR);
    const e = await errorOf(app, 'attachments.read', {
      documentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(e.code).toBe('NOT_FOUND');
  });

  it('says a document is still downloading while its chunks have not all arrived', async () => {
    const item = await ok(app, 'attachments.upload', {
      patientId,
      title: 'Half-synced',
      dataBase64: Buffer.concat([pdfWithText('x'), Buffer.alloc(600_000)]).toString('base64'),
    });
    // As on a workstation that has pulled the first chunk only.
    writableDb(app.workstation.requireStore())
      .prepare('DELETE FROM document_chunks WHERE documentId = ? AND chunkIndex = 1')
      .run(item.documentId);
    const listed = (await ok(app, 'attachments.list', { patientId })).items.find(
      (d) => d.documentId === item.documentId,
    );
    expect(listed).toMatchObject({ complete: false, chunksPresent: 1, chunkCount: 2 });
    const e = await errorOf(app, 'attachments.read', { documentId: item.documentId });
    expect(e.message).toContain('still downloading');
  });
});
