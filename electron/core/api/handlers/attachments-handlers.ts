// attachments.*: files attached to a chart; chart.trends: its vitals and lab trends.
import type { HandlerMap } from '../handler-types';

type AttachmentChannels =
  'attachments.upload' | 'attachments.list' | 'attachments.read' | 'chart.trends';

export const attachmentsHandlers: HandlerMap<AttachmentChannels> = {
  'attachments.upload': (r, { session, services }) => services.attachments.upload(session, r),
  'attachments.list': (r, { session, services }) => services.attachments.list(session, r),
  'attachments.read': (r, { session, services }) => services.attachments.read(session, r),
  'chart.trends': (r, { session, services }) => services.trends.trends(session, r),
};
