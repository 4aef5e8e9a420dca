// Decrypted message bodies (lower-cased, as matching needs them) kept in
// memory for one login's searches, so a second search over 100,000 messages
// does not decrypt them all again. Never
// written anywhere: it lives in this process, belongs to one Session object
// (a WeakMap, so it goes with the session at logout or lock), and is bounded by
// characters (the oldest entries leave first). Message bodies are insert-only,
// so an entry can never go stale.
import type { Session } from './session';

/** About 32 MB of UTF-16 text per session: 100,000 typical messages fit. */
export const SEARCH_CACHE_CHARS = 16_000_000;

export class SearchCache {
  private readonly bodies = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars = SEARCH_CACHE_CHARS) {}

  get(messageId: string): string | undefined {
    return this.bodies.get(messageId);
  }

  put(messageId: string, body: string): void {
    if (body.length > this.maxChars || this.bodies.has(messageId)) return;
    this.bodies.set(messageId, body);
    this.chars += body.length;
    for (const [id, old] of this.bodies) {
      if (this.chars <= this.maxChars) break;
      this.bodies.delete(id);
      this.chars -= old.length;
    }
  }

  get size(): { messages: number; chars: number } {
    return { messages: this.bodies.size, chars: this.chars };
  }
}

const caches = new WeakMap<Session, SearchCache>();

export function searchCacheOf(session: Session, maxChars?: number): SearchCache {
  let c = caches.get(session);
  if (!c) {
    c = new SearchCache(maxChars);
    caches.set(session, c);
  }
  return c;
}
