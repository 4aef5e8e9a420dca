// "Show earlier messages": the pages loaded above a conversation's latest page
// and the scroll position kept while one is prepended. The latest page is
// reloaded (sync rounds, replies) by the pane; the earlier pages stay, and the
// latest page is folded into them so no message falls between the two when
// new ones push old ones out of it.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ConversationView, MessageView } from '../../../../shared/api/messages';
import { api } from '../../api/client';
import { useRequest, type Request } from '../../lib/useRequest';
import { mergeMessages } from './messages-model';

interface Kept {
  conversationId: string;
  messages: MessageView[];
  hasEarlier: boolean;
  /** How many the last "Show earlier" added (what the status line says). */
  added: number;
}

/** Where the message the user was looking at sat on screen before a page was prepended. */
interface Anchor {
  id: string;
  top: number;
}

export interface EarlierMessages {
  /** Everything shown, oldest first. */
  messages: MessageView[];
  hasEarlier: boolean;
  /** What the last load added, for the status line (null before any). */
  added: number | null;
  request: Request;
  showEarlier(): Promise<void>;
  /** The list holding one `[data-message-id]` element per message. */
  listRef: RefObject<HTMLOListElement | null>;
}

const messageElement = (list: HTMLElement | null, id: string): HTMLElement | null =>
  list?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(id)}"]`) ?? null;

/** The element that scrolls `el` (the pane's own scroller, or the page). */
function scrollerOf(el: HTMLElement): Element {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return document.scrollingElement ?? document.documentElement;
}

export function useEarlierMessages(
  conversationId: string,
  latest: ConversationView | null,
): EarlierMessages {
  const [kept, setKept] = useState<Kept | null>(null);
  const request = useRequest();
  const listRef = useRef<HTMLOListElement | null>(null);
  const anchor = useRef<Anchor | null>(null);
  const mine = kept?.conversationId === conversationId ? kept : null;

  // A reloaded latest page joins the earlier ones (its copies are newer). Done
  // while rendering, as React's "adjusting state when a prop changes" pattern.
  const latestMessages = latest?.messages;
  const [folded, setFolded] = useState(latestMessages);
  if (folded !== latestMessages) {
    setFolded(latestMessages);
    if (mine && latestMessages)
      setKept({ ...mine, messages: mergeMessages(mine.messages, latestMessages) });
  }

  const messages = mine
    ? mergeMessages(mine.messages, latestMessages ?? [])
    : (latestMessages ?? []);
  const hasEarlier = mine ? mine.hasEarlier : (latest?.hasEarlier ?? false);
  const oldest = messages[0];

  // After a page is prepended: scroll by however far the anchor moved, so it
  // stays put. When that was the first page, the button is gone: focus goes to
  // the first message (not lost to the page), without scrolling.
  useLayoutEffect(() => {
    const a = anchor.current;
    if (!a || !oldest || oldest.id === a.id) return;
    anchor.current = null;
    const el = messageElement(listRef.current, a.id);
    if (el) {
      const moved = el.getBoundingClientRect().top - a.top;
      if (moved !== 0) scrollerOf(el).scrollTop += moved;
    }
    if (!hasEarlier) messageElement(listRef.current, oldest.id)?.focus({ preventScroll: true });
  }, [oldest, hasEarlier]);

  const showEarlier = async () => {
    if (!oldest || request.busy) return;
    const el = messageElement(listRef.current, oldest.id);
    anchor.current = el ? { id: oldest.id, top: el.getBoundingClientRect().top } : null;
    const shown = messages;
    const r = await request.run(() =>
      api('messages.open', { conversationId, before: oldest.orderKey }),
    );
    if (!r.ok) {
      anchor.current = null;
      return;
    }
    setKept({
      conversationId,
      messages: mergeMessages(r.value.messages, shown),
      hasEarlier: r.value.hasEarlier,
      added: r.value.messages.length,
    });
  };

  return { messages, hasEarlier, added: mine?.added ?? null, request, showEarlier, listRef };
}
