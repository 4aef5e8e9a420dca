// The Conflicts view's address: the status bar's conflict count links here.
import { singleViewRoute } from '../../app/screen-route';

export const conflictsRoute = singleViewRoute('conflicts');
