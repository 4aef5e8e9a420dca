// The Messages screen's address: the inbox, a new conversation, or one conversation.
import { screenRoute } from '../../app/screen-route';

export type MessagesView =
  { kind: 'inbox' } | { kind: 'new' } | { kind: 'conversation'; id: string };

export const messagesRoute = screenRoute<'messages', MessagesView>('messages', {
  home: { kind: 'inbox' },
  parse([first]) {
    if (first === undefined) return { kind: 'inbox' };
    if (first === 'new') return { kind: 'new' };
    return { kind: 'conversation', id: first };
  },
  format(view) {
    switch (view.kind) {
      case 'inbox':
        return [];
      case 'new':
        return ['new'];
      case 'conversation':
        return [view.id];
    }
  },
});
