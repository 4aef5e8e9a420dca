// setup.* and session.*: first run, login, lock, unlock, logout.
import type { HandlerMap } from '../handler-types';

type SessionChannels =
  | 'setup.status'
  | 'setup.createClinic'
  | 'setup.createDemo'
  | 'setup.joinClinic'
  | 'session.login'
  | 'session.logout'
  | 'session.lock'
  | 'session.unlock'
  | 'session.touch'
  | 'session.changePassword';

export const sessionHandlers: HandlerMap<SessionChannels> = {
  'setup.status': (_r, { workstation }) => workstation.session.status(),
  'setup.createClinic': (r, { workstation }) => workstation.setup.createClinic(r),
  'setup.createDemo': (r, { workstation }) => workstation.setup.createDemo(r),
  'setup.joinClinic': (r, { workstation }) => workstation.setup.joinClinic(r),
  'session.login': (r, { workstation }) => workstation.session.login(r),
  'session.logout': (_r, { workstation }) => workstation.session.logout(),
  'session.lock': (_r, { workstation }) => workstation.session.lock(),
  'session.unlock': (r, { workstation }) => workstation.session.unlock(r),
  'session.touch': (_r, { workstation }) => workstation.session.touch(),
  'session.changePassword': (r, { workstation }) => workstation.session.changePassword(r),
};
