// Sealed row changes (protocol 3): one ciphertext per mutation, bound to its
// clinic, table, row, HLC and column list, so a server that moves, relabels or
// trims one gets a change no workstation will open; values of migrated
// protocol 1–2 stores (one ciphertext per cell) still open.
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyringFrom } from '../../../electron/core/crypto/clinic-keys';
import { openChange, sealChange, sealLegacyCell } from '../../../electron/core/sync/value-crypto';
import { formatHlc } from '../../../shared/sync/hlc';
import type { Change } from '../../../shared/sync/protocol';

const keyring = keyringFrom([{ keyId: 'ck-test', key: randomBytes(32) }]);
const tenantId = randomUUID();
const deviceId = randomUUID();
const hlc = (millis: number) => formatHlc({ millis, counter: 0, deviceId });

const sealed = (): Change => {
  const address = {
    table: 'patients' as const,
    rowId: randomUUID(),
    columns: ['givenName', 'familyName', 'deletedAt'],
    hlc: hlc(Date.now()),
  };
  return { ...address, value: sealChange(keyring, tenantId, address, ['Ada', 'Lovelace', null]) };
};

describe('sealed row changes', () => {
  it('open to the values in the column order they were sealed with', () => {
    const c = sealed();
    expect(c.value.startsWith('v2.ck-test.')).toBe(true);
    expect(c.value).not.toContain('Lovelace');
    expect(openChange(keyring, tenantId, c)).toEqual(['Ada', 'Lovelace', null]);
  });

  it('refuse to open when moved to another row, clinic, HLC or column list', () => {
    const c = sealed();
    const tampered: [string, Change, string][] = [
      ['row', { ...c, rowId: randomUUID() }, tenantId],
      ['table', { ...c, table: 'doctors' }, tenantId],
      ['clinic', c, randomUUID()],
      ['newer HLC (an old value made to win)', { ...c, hlc: hlc(Date.now() + 60_000) }, tenantId],
      ['columns reordered', { ...c, columns: ['familyName', 'givenName', 'deletedAt'] }, tenantId],
      ['a column dropped', { ...c, columns: ['givenName', 'familyName'] }, tenantId],
      ['another format', { ...c, value: c.value.replace(/^v2/, 'v9') }, tenantId],
    ];
    for (const [what, change, tenant] of tampered)
      expect(() => openChange(keyring, tenant, change), what).toThrow(
        expect.objectContaining({ code: 'DECRYPT_FAILED' }),
      );
  });

  it('still open a cell of a store written before protocol 3, and only as one column', () => {
    const address = {
      table: 'patients' as const,
      rowId: randomUUID(),
      columns: ['email'],
      hlc: hlc(Date.now()),
    };
    const cell = {
      ...address,
      value: sealLegacyCell(keyring, tenantId, address, 'a@example.test'),
    };
    expect(openChange(keyring, tenantId, cell)).toEqual(['a@example.test']);
    // A legacy cell's authenticated data has no HLC; its column still binds it.
    expect(() => openChange(keyring, tenantId, { ...cell, columns: ['phone'] })).toThrow(
      expect.objectContaining({ code: 'DECRYPT_FAILED' }),
    );
    expect(() => openChange(keyring, tenantId, { ...cell, columns: ['email', 'phone'] })).toThrow(
      expect.objectContaining({ code: 'DECRYPT_FAILED' }),
    );
  });
});
