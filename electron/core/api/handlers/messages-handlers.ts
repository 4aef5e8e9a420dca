// messages.*: the Messages screen and the navigation badge.
import type { HandlerMap } from '../handler-types';

export const messagesHandlers: HandlerMap<
  | 'messages.recipients'
  | 'messages.inbox'
  | 'messages.open'
  | 'messages.start'
  | 'messages.reply'
  | 'messages.markRead'
  | 'messages.markHandled'
  | 'messages.unread'
  | 'messages.aboutPatient'
  | 'messages.fileToChart'
  | 'messages.search'
  | 'messages.archive'
  | 'messages.unarchive'
> = {
  'messages.recipients': (r, { session, services }) => services.messages.recipients(session, r),
  'messages.inbox': (r, { session, services }) => services.messages.inbox(session, r),
  'messages.open': (r, { session, services }) => services.messages.open(session, r),
  'messages.start': (r, { session, services }) => services.messages.start(session, r),
  'messages.reply': (r, { session, services }) => services.messages.reply(session, r),
  'messages.markRead': (r, { session, services }) => services.messages.markRead(session, r),
  'messages.markHandled': (r, { session, services }) => services.messages.markHandled(session, r),
  'messages.unread': (r, { session, services }) => services.messages.unread(session, r),
  'messages.aboutPatient': (r, { session, services }) => services.messages.aboutPatient(session, r),
  'messages.fileToChart': (r, { session, services }) => services.messages.fileToChart(session, r),
  'messages.search': (r, { session, services }) => services.messages.search(session, r),
  'messages.archive': (r, { session, services }) => services.messages.archive(session, r),
  'messages.unarchive': (r, { session, services }) => services.messages.unarchive(session, r),
};
