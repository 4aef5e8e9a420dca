// Search in my conversations reaches every message, not only the newest few
// thousand: a word written once, 2,500 messages ago, is found; a second search
// is answered from the session's in-memory cache (nothing decrypted again); the
// word is nowhere in clear in the store's files; and the cache stays within its
// bound.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchCache, searchCacheOf } from '../../../electron/core/services/message-search-cache';
import { clinicWorld } from '../world';

const OLD_WORD = 'quetiapine-titration-4412';

describe('message search over all of my messages', () => {
  let w: Awaited<ReturnType<typeof clinicWorld>>;
  beforeAll(async () => {
    w = await clinicWorld();
    const start = (body: string) =>
      w.services.messages.start(w.desk, {
        to: { kind: 'users', userIds: [w.doctorSession.user.id] },
        body,
        patientId: null,
        urgent: false,
      }).conversationId;
    start(`Pharmacy asked about the ${OLD_WORD} plan.`);
    // 2,500 newer messages in 50 other conversations bury it.
    for (let c = 0; c < 50; c++) {
      const id = start(`Room ${c} is ready.`);
      for (let i = 1; i < 50; i++)
        w.services.messages.reply(w.desk, {
          conversationId: id,
          body: `Update ${i} for room ${c}.`,
          urgent: false,
        });
    }
  }, 120_000);
  afterAll(() => w.close());

  const audits = () =>
    (
      w.store.read
        .prepare("SELECT detail FROM audit_logs WHERE detail LIKE 'search:%' ORDER BY rowid")
        .all() as { detail: string }[]
    ).map((r) => r.detail);

  it('finds a word written 2,500 messages ago, and the second search decrypts nothing new', () => {
    const first = w.services.messages.search(w.doctorSession, { query: OLD_WORD.toUpperCase() });
    expect(first.items.map((i) => i.match)).toEqual([`Pharmacy asked about the ${OLD_WORD} plan.`]);
    const cached = searchCacheOf(w.doctorSession).size.messages;
    expect(cached).toBeGreaterThan(2500);
    const again = w.services.messages.search(w.doctorSession, { query: OLD_WORD });
    expect(again.items.map((i) => i.conversation.id)).toEqual(
      first.items.map((i) => i.conversation.id),
    );
    expect(searchCacheOf(w.doctorSession).size.messages).toBe(cached);
    // The audit says how much was read, never what was looked for.
    expect(audits().at(-1)).toMatch(/^search: \d+ messages read, 1 conversations found$/);
    expect(audits().some((d) => d.includes('quetiapine'))).toBe(false);
  });

  it('keeps no decrypted text on disk', () => {
    w.services.messages.search(w.doctorSession, { query: OLD_WORD });
    // The database and its write-ahead log, byte for byte.
    for (const f of readdirSync(w.dir, { recursive: true, encoding: 'utf8' })) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(w.dir, f));
      } catch {
        continue; // a folder
      }
      expect(bytes.includes(Buffer.from('quetiapine')), f).toBe(false);
    }
  });

  it('stops at 30 conversations, newest first', () => {
    const found = w.services.messages.search(w.doctorSession, { query: 'ready' });
    expect(found.items).toHaveLength(30);
    expect(found.items[0]?.match).toBe('Room 49 is ready.');
  });

  it('holds at most its bound of text, dropping the oldest first', () => {
    const c = new SearchCache(100);
    for (let i = 0; i < 10; i++) c.put(`m${i}`, 'x'.repeat(30));
    expect(c.size.chars).toBeLessThanOrEqual(100);
    expect(c.get('m9')).toBeDefined();
    expect(c.get('m0')).toBeUndefined();
  });
});
