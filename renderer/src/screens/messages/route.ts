// The Messages screen's address.
import { singleViewRoute } from '../../app/screen-route';

export const messagesRoute = singleViewRoute('messages');
