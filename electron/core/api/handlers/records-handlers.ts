// chart.*, records.*, drafts.*: the chart screen.
import type { HandlerMap } from '../handler-types';

type RecordChannels =
  | 'chart.summary'
  | 'records.timeline'
  | 'records.read'
  | 'records.create'
  | 'records.sign'
  | 'records.amend'
  | 'records.delete'
  | 'chart.current'
  | 'records.stopMedication'
  | 'records.resolveProblem'
  | 'drafts.save'
  | 'drafts.load'
  | 'drafts.discard'
  | 'codes.search';

export const recordsHandlers: HandlerMap<RecordChannels> = {
  'chart.summary': (r, { session, services }) => services.records.chartSummary(session, r),
  'records.timeline': (r, { session, services }) => services.records.timeline(session, r),
  'records.read': (r, { session, services }) => services.records.read(session, r),
  'records.create': (r, { session, services }) => services.records.createRecord(session, r),
  'records.sign': (r, { session, services }) => services.records.signRecord(session, r),
  'records.amend': (r, { session, services }) => services.records.amendRecord(session, r),
  'records.delete': (r, { session, services }) => services.records.deleteRecord(session, r),
  'chart.current': (r, { session, services }) => services.currentLists.current(session, r),
  'records.stopMedication': (r, { session, services }) =>
    services.currentLists.stopMedication(session, r),
  'records.resolveProblem': (r, { session, services }) =>
    services.currentLists.resolveProblem(session, r),
  'drafts.save': (r, { session, services }) => services.drafts.save(session, r),
  'drafts.load': (r, { session, services }) => services.drafts.load(session, r),
  'drafts.discard': (r, { session, services }) => services.drafts.discard(session, r),
  'codes.search': (r, { session, services }) => services.records.searchCodes(session, r),
};
