// The audit log's filters: who, what, which table, which workstation, which
// local dates. Applied on "Show entries", so typing a date sends nothing.
import type { FormEvent } from 'react';
import type { ApiResponse } from '../../../../../shared/api/channels';
import { AuditAction } from '../../../../../shared/domain/enums';
import { SelectField, type Option } from '../../../components/SelectField';
import { DateField } from '../../../components/DateField';
import { auditActionLabel, tableLabel, type AuditFilterValues } from './audit-filter-model';

interface Props {
  values: AuditFilterValues;
  options: ApiResponse<'audit.filterOptions'> | null;
  onChange(values: AuditFilterValues): void;
  onApply(): void;
  busy: boolean;
}

const any = (label: string): Option => ({ value: '', label });

export function AuditFilterForm({ values, options, onChange, onApply, busy }: Props) {
  const set = (key: keyof AuditFilterValues) => (value: string) =>
    onChange({ ...values, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply();
  };
  return (
    <form className="audit-filters" aria-label="Audit log filters" onSubmit={submit}>
      <SelectField
        label="User"
        value={values.userId}
        onChange={set('userId')}
        options={[
          any('Anyone'),
          ...(options?.users ?? []).map((u) => ({ value: u.id, label: u.name })),
        ]}
      />
      <SelectField
        label="Action"
        value={values.action}
        onChange={set('action')}
        options={[
          any('Any action'),
          ...AuditAction.options.map((a) => ({ value: a, label: auditActionLabel(a) })),
        ]}
      />
      <SelectField
        label="Table"
        value={values.table}
        onChange={set('table')}
        options={[
          any('Any table'),
          ...(options?.tables ?? []).map((t) => ({ value: t, label: tableLabel(t) })),
        ]}
      />
      <SelectField
        label="Workstation"
        value={values.deviceId}
        onChange={set('deviceId')}
        options={[
          any('Any workstation'),
          ...(options?.devices ?? []).map((d) => ({ value: d.id, label: d.name })),
        ]}
      />
      <DateField label="From" onlyDates value={values.fromDate} onChange={set('fromDate')} />
      <DateField label="To" onlyDates value={values.toDate} onChange={set('toDate')} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          Show entries
        </button>
      </div>
    </form>
  );
}
