// The Patients screen's address: the list, a new registration, one patient's
// details, and the edit form of one patient.
import { screenRoute } from '../../app/screen-route';

export type PatientsView =
  { kind: 'list' } | { kind: 'new' } | { kind: 'view'; id: string } | { kind: 'edit'; id: string };

export const patientsRoute = screenRoute<'patients', PatientsView>('patients', {
  home: { kind: 'list' },
  parse([first, second]) {
    if (first === undefined) return { kind: 'list' };
    if (first === 'new') return { kind: 'new' };
    if (second === 'edit') return { kind: 'edit', id: first };
    return { kind: 'view', id: first };
  },
  format(view) {
    switch (view.kind) {
      case 'list':
        return [];
      case 'new':
        return ['new'];
      case 'view':
        return [view.id];
      case 'edit':
        return [view.id, 'edit'];
    }
  },
});
