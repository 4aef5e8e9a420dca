import { describe, expect, it } from 'vitest';
import {
  emptyAuditFilter,
  toAuditFilter,
} from '../../../../renderer/src/screens/admin/audit/audit-filter-model';
import { AuditFilter } from '../../../../shared/api/audit';

describe('the audit filter form', () => {
  it('sends nothing for fields left at "any"', () => {
    expect(toAuditFilter(emptyAuditFilter, null)).toEqual({});
  });
  it('sends the chosen fields and the patient from the address, in a shape the core accepts', () => {
    const filter = toAuditFilter(
      { ...emptyAuditFilter, action: 'read', fromDate: '2026-12-01', table: 'patients' },
      '0f6e1c9a-3b1d-4e0b-9a51-2c3d4e5f6a7b',
    );
    expect(filter).toEqual({
      action: 'read',
      fromDate: '2026-12-01',
      table: 'patients',
      patientId: '0f6e1c9a-3b1d-4e0b-9a51-2c3d4e5f6a7b',
    });
    expect(AuditFilter.safeParse(filter).success).toBe(true);
  });
  it('drops an action that is not one', () => {
    expect(toAuditFilter({ ...emptyAuditFilter, action: 'hack' }, null)).toEqual({});
  });
});
