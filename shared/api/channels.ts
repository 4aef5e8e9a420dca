// Every channel of the renderer/core contract, by name. The preload exposes
// one function per entry; the browser host serves each at POST /api/<name>.
import { sessionChannels } from './session';
import { patientChannels } from './patients';
import { syncStatusChannels } from './sync-status';
import { schedulingChannels } from './scheduling';
import { adminChannels } from './admin';
import { auditChannels } from './audit';
import { backupChannels } from './backups';
import { recordChannels } from './records';
import { messageChannels } from './messages';
import { billingChannels } from './billing';
import { chartExportChannels } from './chart-exports';
import { billingReportChannels } from './billing-reports';
import { workstationChannels } from './workstations';
import { patientDuplicateChannels } from './patient-duplicates';
import { sensitivePatientChannels } from './sensitive-patients';
import { codeChannels } from './codes';
import { attachmentChannels } from './attachments';
import { trendChannels } from './trends';
import type { ParsedRequestOf, RequestOf, ResponseOf } from './contract';

export const apiChannels = {
  ...sessionChannels,
  ...patientChannels,
  ...syncStatusChannels,
  ...schedulingChannels,
  ...adminChannels,
  ...auditChannels,
  ...backupChannels,
  ...recordChannels,
  ...messageChannels,
  ...billingChannels,
  ...chartExportChannels,
  ...billingReportChannels,
  ...workstationChannels,
  ...patientDuplicateChannels,
  ...sensitivePatientChannels,
  ...codeChannels,
  ...attachmentChannels,
  ...trendChannels,
} as const;

export type ApiChannels = typeof apiChannels;
export type ChannelName = keyof ApiChannels;
export const channelNames = Object.keys(apiChannels) as ChannelName[];

export const isChannelName = (name: string): name is ChannelName =>
  Object.prototype.hasOwnProperty.call(apiChannels, name);

export type ApiRequest<N extends ChannelName> = RequestOf<ApiChannels[N]>;
export type ApiResponse<N extends ChannelName> = ResponseOf<ApiChannels[N]>;
/** A channel's request after parsing: what a service method receives. */
export type ChannelInput<N extends ChannelName> = ParsedRequestOf<ApiChannels[N]>;
