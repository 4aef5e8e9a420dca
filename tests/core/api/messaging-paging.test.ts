// "Show earlier messages": `messages.open` pages a conversation backwards from
// the order key of the oldest message shown. Through the same dispatch both
// transports use: 250 messages come back with no gap or duplicate, in order,
// whatever the page size; every page is an audited read; a colleague outside
// the conversation is refused with or without a cursor; a cursor that is not
// an order key is refused as invalid input before anything is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import type { MessageView } from '../../../shared/api/messages';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { coreApps, HARBOUR_CLINIC } from '../helpers';

const PASSWORD = 'staff-password-1';
const DOC = { email: 'doc@example.test', password: PASSWORD };
const DOC2 = { email: 'doc2@example.test', password: PASSWORD };
const DESK = { email: 'desk@example.test', password: PASSWORD };
const TOTAL = 250;

async function ok<N extends ChannelName>(
  app: CoreApp,
  channel: N,
  request: ApiRequest<N>,
): Promise<ApiResponse<N>> {
  const res = await app.dispatch(channel, request);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as ApiResponse<N>;
}

async function fails<N extends ChannelName>(app: CoreApp, channel: N, request: ApiRequest<N>) {
  const res = await app.dispatch(channel, request);
  if (res.ok) throw new Error(`${channel} was expected to fail`);
  return res.error;
}

describe('messages.open pages a conversation backwards', () => {
  const apps = coreApps();
  let app: CoreApp;
  let conversationId = '';

  const as = async (who: { email: string; password: string }) => {
    await app.dispatch('session.logout', {});
    await ok(app, 'session.login', who);
  };
  const opens = () =>
    (
      writableDb(app.workstation.requireStore())
        .prepare(
          "SELECT count(*) AS n FROM audit_logs WHERE action = 'read' AND tableAffected = 'conversations' AND recordId = ?",
        )
        .get(conversationId) as { n: number }
    ).n;

  /** Every message, oldest first, by following `before` from the latest page; also the page sizes. */
  const walk = async (limit?: number) => {
    const pages: number[] = [];
    let shown: MessageView[] = [];
    let before: string | null = null;
    for (;;) {
      const view: ApiResponse<'messages.open'> = await ok(app, 'messages.open', {
        conversationId,
        before,
        ...(limit ? { limit } : {}),
      });
      pages.push(view.messages.length);
      shown = [...view.messages, ...shown];
      if (!view.hasEarlier) {
        expect(view.older).toBeNull();
        return { shown, pages };
      }
      const first = view.messages[0];
      if (!first) throw new Error('a page with earlier messages is empty');
      expect(view.older).toBe(first.orderKey);
      before = first.orderKey;
      if (pages.length > TOTAL) throw new Error('paging does not end');
    }
  };

  beforeAll(async () => {
    app = await apps.start();
    await ok(app, 'setup.createClinic', HARBOUR_CLINIC);
    for (const [key, who, name] of [
      ['doc', DOC, 'Dr Ada Lovelace'],
      ['doc2', DOC2, 'Dr Alan Turing'],
    ] as const)
      await ok(app, 'doctors.create', {
        displayName: name,
        ...who,
        specialty: 'General Practice',
        licenseNumber: `L-${key}`,
        consultationFee: 100,
        experienceYears: 3,
      });
    const desk = await ok(app, 'users.create', {
      displayName: 'Fran Desk',
      role: 'front_desk',
      ...DESK,
    });
    await as(DOC);
    const started = await ok(app, 'messages.start', {
      to: { kind: 'users', userIds: [desk.id] },
      body: 'Message 1',
    });
    conversationId = started.conversationId;
    for (let i = 2; i <= TOTAL; i++)
      await ok(app, 'messages.reply', { conversationId, body: `Message ${i}` });
  });
  afterAll(() => apps.closeAll());

  const expected = Array.from({ length: TOTAL }, (_, i) => `Message ${i + 1}`);

  it('the recipient pages back through all 250 in order, with no gap or duplicate', async () => {
    await as(DESK);
    const latest = await ok(app, 'messages.open', { conversationId });
    expect(latest.messages).toHaveLength(100);
    expect(latest.hasEarlier).toBe(true);
    expect(latest.messages.at(-1)?.body).toBe(`Message ${TOTAL}`);

    const auditedBefore = opens();
    const { shown, pages } = await walk();
    expect(pages).toEqual([100, 100, 50]);
    expect(shown.map((m) => m.body)).toEqual(expected);
    expect(new Set(shown.map((m) => m.id)).size).toBe(TOTAL);
    const keys = shown.map((m) => m.orderKey);
    expect(keys).toEqual([...keys].sort());
    // Each page is a read of the conversation in the audit log.
    expect(opens()).toBe(auditedBefore + pages.length);
  });

  it('the sender pages back the same, also when the pages divide the conversation exactly', async () => {
    await as(DOC);
    const exact = await walk(50);
    expect(exact.pages).toEqual([50, 50, 50, 50, 50]);
    expect(exact.shown.map((m) => m.body)).toEqual(expected);
    const odd = await walk(64);
    expect(odd.pages).toEqual([64, 64, 64, 58]);
    expect(odd.shown.map((m) => m.body)).toEqual(expected);
  });

  it('a colleague outside the conversation is refused the same way with a cursor or without', async () => {
    await as(DOC);
    const latest = await ok(app, 'messages.open', { conversationId });
    const cursor = latest.messages[0]?.orderKey ?? null;
    expect(cursor).not.toBeNull();

    await as(DOC2);
    const audited = opens();
    const without = await fails(app, 'messages.open', { conversationId });
    const withCursor = await fails(app, 'messages.open', { conversationId, before: cursor });
    expect(without.code).toBe('FORBIDDEN');
    expect(withCursor).toEqual(without);
    // A refusal reads nothing, so there is no read to audit.
    expect(opens()).toBe(audited);
  });

  it('a cursor that is not an order key is invalid input, for members and others alike', async () => {
    for (const who of [DESK, DOC2]) {
      await as(who);
      for (const before of [
        '',
        'not-a-key',
        "' OR 1=1 --",
        '9'.repeat(15),
        `${'0'.repeat(15)}-zzzz-device`,
        `${'0'.repeat(15)}-0000-${'d'.repeat(200)}`,
      ]) {
        const e = await fails(app, 'messages.open', { conversationId, before });
        expect(e.code).toBe('VALIDATION_FAILED');
        expect(e.message).not.toContain(before || '\u0000');
      }
      const wrongType = await app.dispatch('messages.open', {
        conversationId,
        before: 42 as unknown as string,
      });
      expect(wrongType.ok ? null : wrongType.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
