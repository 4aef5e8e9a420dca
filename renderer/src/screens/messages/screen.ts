// The Messages screen in the app's registry.
import { defineScreen } from '../../app/screen-definition';
import { MessagesBadge } from './MessagesBadge';
import { MessagesScreen } from './MessagesScreen';
import { messagesRoute } from './route';

export const messagesScreen = defineScreen({
  route: messagesRoute,
  label: 'Messages',
  nav: 3,
  requires: 'messages.use',
  component: MessagesScreen,
  badge: MessagesBadge,
});
