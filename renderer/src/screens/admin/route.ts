// The Admin screen's address: `#/admin` opens the first section offered,
// `#/admin/<section>` a section, and `#/admin/audit/patient/<id>` the audit log
// filtered to one patient ("who has seen this patient", linked from their
// details); `#/admin/staff/hours/<doctorId>` a doctor's hours editor.
import { screenRoute } from '../../app/screen-route';

export interface AdminView {
  section: string | null;
  /** The audit log's patient filter, from a patient's details. */
  patientId: string | null;
  /** Staff: the doctor whose hours are being edited. */
  hoursOf?: string;
}

export const adminRoute = screenRoute<'admin', AdminView>('admin', {
  home: { section: null, patientId: null },
  parse([section, kind, id]) {
    if (section === undefined) return undefined;
    if (section === 'audit' && kind === 'patient' && id) return { section, patientId: id };
    if (section === 'staff' && kind === 'hours' && id)
      return { section, patientId: null, hoursOf: id };
    return { section, patientId: null };
  },
  format(view) {
    if (view.section === null) return [];
    if (view.section === 'audit' && view.patientId) return ['audit', 'patient', view.patientId];
    if (view.section === 'staff' && view.hoursOf) return ['staff', 'hours', view.hoursOf];
    return [view.section];
  },
});
