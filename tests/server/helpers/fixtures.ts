// Builders for sync data as a workstation would produce it: HLC-stamped
// column changes with values encrypted under a test clinic key, and
// hash-chained audit entries.
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AuditLog } from '../../../shared/domain/audit-log';
import { GENESIS_HASH } from '../../../shared/domain/audit-log';
import { auditHashInput } from '../../../shared/audit/chain';
import { formatHlc } from '../../../shared/sync/hlc';
import type { Change } from '../../../shared/sync/protocol';
import type { EntityTable } from '../../../shared/domain/entities';

export const CLINIC_KEY = randomBytes(32);

/** AES-256-GCM, as the client does end to end: the server only ever sees this base64 text. */
export function encryptValue(plain: string, key: Buffer = CLINIC_KEY): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function decryptValue(text: string, key: Buffer = CLINIC_KEY): string {
  const raw = Buffer.from(text, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** A workstation's clock and audit chain, enough to make realistic batches. */
export class FakeDevice {
  private millis = Date.now();
  private counter = 0;
  private seq = 0;
  private prevHash = GENESIS_HASH;

  constructor(
    readonly tenantId: string,
    readonly deviceId: string = randomUUID(),
  ) {}

  hlc(): string {
    this.counter++;
    return formatHlc({ millis: this.millis, counter: this.counter, deviceId: this.deviceId });
  }

  change(
    table: EntityTable,
    rowId: string,
    column: string,
    plain: string,
    hlc = this.hlc(),
  ): Change {
    return { table, rowId, columns: [column], hlc, value: encryptValue(plain) };
  }

  /** One mutation of several columns, sealed together (protocol 3). */
  rowChange(
    table: EntityTable,
    rowId: string,
    values: Record<string, string>,
    hlc = this.hlc(),
  ): Change {
    return {
      table,
      rowId,
      columns: Object.keys(values),
      hlc,
      value: encryptValue(JSON.stringify(Object.values(values))),
    };
  }

  audit(recordId: string | null = null): AuditLog {
    this.seq++;
    const content = {
      id: randomUUID(),
      tenantId: this.tenantId,
      userId: null,
      action: 'update' as const,
      tableAffected: 'patients',
      recordId,
      timestamp: new Date().toISOString(),
      deviceId: this.deviceId,
      deviceSeq: this.seq,
      prevHash: this.prevHash,
      detail: '',
    };
    const hash = createHash('sha256').update(auditHashInput(content)).digest('hex');
    this.prevHash = hash;
    return { ...content, hash };
  }
}

export const testDevice = (tenantId: string, deviceId: string) => ({
  id: deviceId,
  tenantId,
  name: 'Front desk',
  certFingerprint: createHash('sha256').update(deviceId).digest('hex'),
  certSerial: '01',
  createdAt: new Date().toISOString(),
});
