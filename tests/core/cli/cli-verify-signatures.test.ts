// `ehrbs verify` and signature content hashes: every signed demo record matches
// the hash its signature stored; a signed record whose content is replaced in
// the database (re-encrypted with the clinic key, so it still decrypts) is
// named in one line with exit 3.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { encryptField } from '../../../electron/core/crypto/field-crypto';
import { tempDir, testWrapper } from '../helpers';
import { expectOneErrorLine, runCli } from './cli-harness';

const SLOW = 180_000;
const tmp = tempDir('ehrbs-cli-sig-');
const store = join(tmp.dir, 'demo');

beforeAll(async () => {
  const r = await runCli(['demo', '--data', store, '--patients', '8']);
  expect(r.code).toBe(0);
}, SLOW);
afterAll(() => tmp.cleanup());

/** A copy of the demo store where one number of a series is renumbered past the end. */
async function renumberedCopy(name: string, table: 'patients' | 'billing'): Promise<string> {
  const copy = join(tmp.dir, name);
  cpSync(store, copy, { recursive: true });
  const s = await ClinicStore.open(copy, testWrapper());
  try {
    const db = writableDb(s);
    const col = table === 'patients' ? 'medicalRecordNumber' : 'invoiceNumber';
    const values = (
      db.prepare(`SELECT ${col} AS v FROM ${table} WHERE ${col} IS NOT NULL`).all() as {
        v: string;
      }[]
    )
      .map((r) => r.v)
      .sort();
    const second = values[1] ?? '';
    const last = values.at(-1) ?? '';
    const prefix = second.slice(0, second.lastIndexOf('-') + 1);
    const next = `${prefix}${String(Number(last.slice(last.lastIndexOf('-') + 1)) + 1).padStart(6, '0')}`;
    db.prepare(`UPDATE ${table} SET ${col} = ? WHERE ${col} = ?`).run(next, second);
    return second;
  } finally {
    s.close();
  }
}

/** Replaces the content of `count` signed records of a copy of the demo store. */
async function tamperedCopy(name: string, count: number): Promise<string[]> {
  const copy = join(tmp.dir, name);
  cpSync(store, copy, { recursive: true });
  const s = await ClinicStore.open(copy, testWrapper());
  try {
    const db = writableDb(s);
    const rows = db
      .prepare(
        'SELECT id, tenantId FROM medical_records WHERE signedAt IS NOT NULL ORDER BY id LIMIT ?',
      )
      .all(count) as { id: string; tenantId: string }[];
    for (const row of rows) {
      const sealed = encryptField(
        s.keyring,
        { tenantId: row.tenantId, table: 'medical_records', rowId: row.id },
        JSON.stringify({ text: 'a different note, written after signing' }),
      );
      db.prepare(
        'UPDATE medical_records SET encryptedData = ?, encryptionKey = ? WHERE id = ?',
      ).run(sealed.ciphertext, sealed.wrappedKey, row.id);
    }
    return rows.map((r) => r.id);
  } finally {
    s.close();
  }
}

describe('ehrbs verify checks signed content', { timeout: SLOW }, () => {
  it('reports the untouched demo store intact, with its signed records checked', async () => {
    const r = await runCli(['verify', '--data', store]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const checked = Number(/(\d+) signed record\(s\) match their content hash/.exec(r.stdout)?.[1]);
    expect(checked).toBeGreaterThan(0);
    expect(r.stdout).not.toMatch(/not checked/);
  });

  it('names the first signed record whose content was replaced, with a count, exit 3', async () => {
    const ids = await tamperedCopy('one', 1);
    const r = await runCli(['verify', '--data', join(tmp.dir, 'one')]);
    expect(r.code).toBe(3);
    expect(expectOneErrorLine(r)).toBe(
      `ehrbs: signed record ${ids[0]} no longer matches its signature: its content was changed after signing (1 signed record affected)`,
    );
  });

  it('counts every altered signed record', async () => {
    const ids = await tamperedCopy('three', 3);
    const r = await runCli(['verify', '--data', join(tmp.dir, 'three')]);
    expect(r.code).toBe(3);
    expect(expectOneErrorLine(r)).toMatch(
      new RegExp(`signed record ${ids[0]} no longer matches .*\\(3 signed records affected\\)$`),
    );
  });
});

describe('ehrbs verify checks the number series', { timeout: SLOW }, () => {
  it('names the first missing medical record number, exit 3', async () => {
    const missing = await renumberedCopy('mrn-gap', 'patients');
    const r = await runCli(['verify', '--data', join(tmp.dir, 'mrn-gap')]);
    expect(r.code).toBe(3);
    expect(expectOneErrorLine(r)).toBe(
      `ehrbs: a medical record number series has a gap: ${missing} is missing (a row was removed or renumbered) (1 number missing in 1 series)`,
    );
  });

  it('names the first missing invoice number, exit 3', async () => {
    const missing = await renumberedCopy('invoice-gap', 'billing');
    expect(missing).toMatch(/^INV-/);
    const r = await runCli(['verify', '--data', join(tmp.dir, 'invoice-gap')]);
    expect(r.code).toBe(3);
    expect(expectOneErrorLine(r)).toMatch(
      new RegExp(`^ehrbs: an invoice number series has a gap: ${missing} is missing`),
    );
  });
});
