// The Schedule screen's address. Its tabs, dates and panels are kept in the
// schedule store, so other screens open it on a given appointment or doctor.
import { singleViewRoute } from '../../app/screen-route';

export const scheduleRoute = singleViewRoute('schedule');
