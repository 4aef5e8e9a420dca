// The Admin screen's address: `#/admin` opens the first section offered,
// `#/admin/<section>` a section, and `#/admin/audit/patient/<id>` the audit log
// filtered to one patient ("who has seen this patient", linked from their
// details).
import { screenRoute } from '../../app/screen-route';

export interface AdminView {
  section: string | null;
  /** The audit log's patient filter, from a patient's details. */
  patientId: string | null;
}

export const adminRoute = screenRoute<'admin', AdminView>('admin', {
  home: { section: null, patientId: null },
  parse([section, kind, id]) {
    if (section === undefined) return undefined;
    if (section === 'audit' && kind === 'patient' && id) return { section, patientId: id };
    return { section, patientId: null };
  },
  format(view) {
    if (view.section === null) return [];
    if (view.section === 'audit' && view.patientId) return ['audit', 'patient', view.patientId];
    return [view.section];
  },
});
