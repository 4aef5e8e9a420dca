// The chart screen's address: the doctor's day (`#/chart`), a patient's chart
// on one tab (`#/chart/<patientId>/<tab>`), and a visit note tied to an
// appointment (`#/chart/<patientId>/visit/<appointmentId>`).
import { screenRoute } from '../../app/screen-route';
import { RecordType } from '../../../../shared/domain/enums';

export type ChartTab = 'timeline' | RecordType;
export const chartTabs: readonly ChartTab[] = ['timeline', ...RecordType.options];

export type ChartView =
  | { kind: 'day' }
  | { kind: 'chart'; patientId: string; tab: ChartTab }
  | { kind: 'visit'; patientId: string; appointmentId: string };

const isTab = (s: string): s is ChartTab => (chartTabs as readonly string[]).includes(s);

export const chartRoute = screenRoute<'chart', ChartView>('chart', {
  home: { kind: 'day' },
  parse([patientId, second, third]) {
    if (patientId === undefined) return { kind: 'day' };
    if (second === 'visit' && third !== undefined)
      return { kind: 'visit', patientId, appointmentId: third };
    return {
      kind: 'chart',
      patientId,
      tab: second !== undefined && isTab(second) ? second : 'timeline',
    };
  },
  format(view) {
    switch (view.kind) {
      case 'day':
        return [];
      case 'chart':
        return view.tab === 'timeline' ? [view.patientId] : [view.patientId, view.tab];
      case 'visit':
        return [view.patientId, 'visit', view.appointmentId];
    }
  },
});

/** The chart of a patient, on its timeline. */
export const chartHref = (patientId: string) =>
  chartRoute.href({ kind: 'chart', patientId, tab: 'timeline' });
