// Staff messaging through the same dispatch both transports use: who may read
// a conversation (per role, and for a role's shared inbox), what is refused
// (empty or too long bodies, deactivated colleagues, another clinic's patient),
// read state per user, handled-by for shared inboxes, filing into the chart,
// and which reads are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse, ChannelName } from '../../../shared/api/channels';
import type { CoreApp } from '../../../electron/core/app/core-app';
import { writableDb } from '../../../electron/core/clinic/writable-db';
import { coreApps, HARBOUR_CLINIC } from '../helpers';
import { patientInput } from '../fixtures';

const PASSWORD = 'staff-password-1';
const ADMIN = { email: HARBOUR_CLINIC.adminEmail, password: HARBOUR_CLINIC.adminPassword };
const DOC = { email: 'doc@example.test', password: PASSWORD };
const DOC2 = { email: 'doc2@example.test', password: PASSWORD };
const DESK = { email: 'desk@example.test', password: PASSWORD };
const DESK2 = { email: 'desk2@example.test', password: PASSWORD };

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

const count = (app: CoreApp, sql: string, ...params: string[]) =>
  (
    writableDb(app.workstation.requireStore())
      .prepare(sql)
      .get(...params) as { n: number }
  ).n;

describe('messaging through dispatch', () => {
  const apps = coreApps();
  let app: CoreApp;
  let other: CoreApp;
  const ids: Record<string, string> = {};
  let patientId = '';
  let foreignPatientId = '';

  const as = async (who: { email: string; password: string }) => {
    await app.dispatch('session.logout', {});
    await ok(app, 'session.login', who);
  };

  beforeAll(async () => {
    app = await apps.start();
    await ok(app, 'setup.createClinic', HARBOUR_CLINIC);
    for (const [key, who, name] of [
      ['doc', DOC, 'Dr Ada Lovelace'],
      ['doc2', DOC2, 'Dr Alan Turing'],
    ] as const) {
      const d = await ok(app, 'doctors.create', {
        displayName: name,
        ...who,
        specialty: 'General Practice',
        licenseNumber: `L-${key}`,
        consultationFee: 100,
        experienceYears: 3,
      });
      ids[key] = d.id;
    }
    for (const [key, who, name] of [
      ['desk', DESK, 'Fran Desk'],
      ['desk2', DESK2, 'Sam Desk'],
    ] as const) {
      const u = await ok(app, 'users.create', { displayName: name, role: 'front_desk', ...who });
      ids[key] = u.id;
    }
    const users = await ok(app, 'users.list', {});
    ids['admin'] = users.find((u) => u.email === ADMIN.email)?.id ?? '';
    patientId = (await ok(app, 'patients.create', patientInput())).id;

    other = await apps.start();
    await ok(other, 'setup.createClinic', { ...HARBOUR_CLINIC, clinicName: 'Other Clinic' });
    foreignPatientId = (await ok(other, 'patients.create', patientInput())).id;
  });
  afterAll(() => apps.closeAll());

  it('front desk writes to a doctor about a patient; the doctor reads, replies, and read state is per user', async () => {
    await as(DESK);
    const started = await ok(app, 'messages.start', {
      to: { kind: 'users', userIds: [ids['doc'] ?? ''] },
      body: 'Mrs Allen called about her results.\nPlease ring her back.',
      patientId,
    });
    expect(started.message).toMatchObject({ mine: true, urgent: false, readBy: [] });
    const deskInbox = await ok(app, 'messages.inbox', {});
    expect(deskInbox.items[0]).toMatchObject({
      id: started.conversationId,
      title: 'Dr Ada Lovelace',
      unread: 0,
      lastLine: 'Mrs Allen called about her results.',
      patient: { id: patientId, name: 'Zebulon Quixotewright' },
    });

    await as(DOC);
    expect(await ok(app, 'messages.unread', {})).toEqual({ unread: 1, urgent: 0 });
    const inbox = await ok(app, 'messages.inbox', {});
    expect(inbox.items.map((c) => [c.title, c.unread])).toEqual([['Fran Desk', 1]]);
    const opened = await ok(app, 'messages.open', { conversationId: started.conversationId });
    expect(opened.messages.map((m) => [m.sender.displayName, m.body])).toEqual([
      ['Fran Desk', 'Mrs Allen called about her results.\nPlease ring her back.'],
    ]);
    expect(await ok(app, 'messages.markRead', { conversationId: started.conversationId })).toEqual({
      unread: 0,
    });
    expect(await ok(app, 'messages.unread', {})).toEqual({ unread: 0, urgent: 0 });
    await ok(app, 'messages.reply', {
      conversationId: started.conversationId,
      body: 'Will do at 3pm.',
    });

    await as(DESK);
    expect(await ok(app, 'messages.unread', {})).toEqual({ unread: 1, urgent: 0 });
    const view = await ok(app, 'messages.open', { conversationId: started.conversationId });
    expect(view.messages.map((m) => m.body)).toEqual([
      'Mrs Allen called about her results.\nPlease ring her back.',
      'Will do at 3pm.',
    ]);
    // The sender sees that the doctor read the first message.
    expect(view.messages[0]?.readBy.map((r) => r.displayName)).toEqual(['Dr Ada Lovelace']);
    expect(view.messages[1]?.mine).toBe(false);
  });

  it('nobody outside the conversation can read it, whatever their role (admins included)', async () => {
    await as(DOC);
    const c = await ok(app, 'messages.start', {
      to: { kind: 'users', userIds: [ids['doc2'] ?? ''] },
      body: 'Private between doctors.',
    });
    for (const who of [DESK, ADMIN]) {
      await as(who);
      const err = await fails(app, 'messages.open', { conversationId: c.conversationId });
      expect(err).toMatchObject({
        code: 'FORBIDDEN',
        message: 'You are not part of this conversation.',
      });
      expect(
        (await fails(app, 'messages.reply', { conversationId: c.conversationId, body: 'x' })).code,
      ).toBe('FORBIDDEN');
      expect(
        (await fails(app, 'messages.markRead', { conversationId: c.conversationId })).code,
      ).toBe('FORBIDDEN');
      const inbox = await ok(app, 'messages.inbox', {});
      expect(inbox.items.map((i) => i.id)).not.toContain(c.conversationId);
    }
    await as(DOC2);
    const seen = await ok(app, 'messages.open', { conversationId: c.conversationId });
    expect(seen.messages.map((m) => m.body)).toEqual(['Private between doctors.']);
  });

  it('a role inbox is visible to every user of that role, who see who handled it', async () => {
    await as(DOC);
    const c = await ok(app, 'messages.start', {
      to: { kind: 'role', role: 'front_desk' },
      body: 'Patient in room 2 is ready to book a follow-up.',
      urgent: true,
      patientId,
    });
    for (const who of [DESK, DESK2]) {
      await as(who);
      const unread = await ok(app, 'messages.unread', {});
      expect(unread.urgent).toBe(1);
      const first = (await ok(app, 'messages.inbox', {})).items[0];
      expect(first).toMatchObject({ id: c.conversationId, urgent: true, handled: null });
      expect(first?.title).toBe('Dr Ada Lovelace → Front desk');
    }
    await as(DOC2);
    expect((await fails(app, 'messages.open', { conversationId: c.conversationId })).code).toBe(
      'FORBIDDEN',
    );

    await as(DESK);
    const handled = await ok(app, 'messages.markHandled', { conversationId: c.conversationId });
    expect(handled.by.displayName).toBe('Fran Desk');
    await as(DESK2);
    const seen = (await ok(app, 'messages.inbox', {})).items.find((i) => i.id === c.conversationId);
    expect(seen?.handled?.by.displayName).toBe('Fran Desk');
    // Read state is still per user: Sam has not read it.
    expect(seen?.unread).toBe(1);
    await as(DOC);
    const mine = (await ok(app, 'messages.inbox', {})).items.find((i) => i.id === c.conversationId);
    expect(mine?.title).toBe('Front desk');
    expect(mine?.handled?.by.displayName).toBe('Fran Desk');
    // A new message re-opens it.
    await ok(app, 'messages.reply', { conversationId: c.conversationId, body: 'Also bloods.' });
    const again = (await ok(app, 'messages.inbox', {})).items.find(
      (i) => i.id === c.conversationId,
    );
    expect(again?.handled).toBeNull();
    // Only shared inboxes are handled.
    const direct = (await ok(app, 'messages.inbox', {})).items.find((i) => i.kind === 'direct');
    expect(
      (await fails(app, 'messages.markHandled', { conversationId: direct?.id ?? '' })).code,
    ).toBe('INVALID_TRANSITION');
  });

  it('refuses empty or over-long bodies, deactivated colleagues and another clinic’s patient, writing nothing', async () => {
    await as(DESK);
    const before = count(app, 'SELECT count(*) AS n FROM messages');
    const to = { kind: 'users' as const, userIds: [ids['doc'] ?? ''] };
    expect(await fails(app, 'messages.start', { to, body: '   ' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'body', message: 'write a message' }],
    });
    expect((await fails(app, 'messages.start', { to, body: 'x'.repeat(10_001) })).code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      await fails(app, 'messages.start', { to, body: 'About them', patientId: foreignPatientId }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', message: 'That patient is not in this clinic.' });
    expect(
      await fails(app, 'messages.start', {
        to: { kind: 'users', userIds: [ids['desk'] ?? ''] },
        body: 'Note to self',
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    await as(ADMIN);
    await ok(app, 'users.setActive', { userId: ids['doc2'] ?? '', active: false });
    await as(DESK);
    expect(
      await fails(app, 'messages.start', {
        to: { kind: 'users', userIds: [ids['doc2'] ?? ''] },
        body: 'Hello',
      }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: "Dr Alan Turing's account is deactivated.",
    });
    const recipients = await ok(app, 'messages.recipients', {});
    expect(recipients.users.map((u) => u.displayName)).toEqual([
      'Ada Admin',
      'Dr Ada Lovelace',
      'Sam Desk',
    ]);
    expect(count(app, 'SELECT count(*) AS n FROM messages')).toBe(before);
    await as(ADMIN);
    await ok(app, 'users.setActive', { userId: ids['doc2'] ?? '', active: true });
  });

  it('a doctor files a message into the chart as a note; front desk cannot; both audited', async () => {
    await as(DESK);
    const c = await ok(app, 'messages.start', {
      to: { kind: 'users', userIds: [ids['doc'] ?? ''] },
      body: 'New allergy to penicillin mentioned at the desk.',
      patientId,
    });
    expect((await fails(app, 'messages.fileToChart', { messageId: c.message.id })).code).toBe(
      'FORBIDDEN',
    );
    await as(DOC);
    const about = await ok(app, 'messages.aboutPatient', { patientId });
    expect(about.items.map((i) => i.id)).toContain(c.conversationId);
    const filed = await ok(app, 'messages.fileToChart', { messageId: c.message.id });
    expect(filed.patientId).toBe(patientId);
    const store = app.workstation.requireStore();
    const row = writableDb(store)
      .prepare('SELECT recordType, patientId FROM medical_records WHERE id = ?')
      .get(filed.recordId);
    expect(row).toEqual({ recordType: 'note', patientId });
    expect(
      count(
        app,
        "SELECT count(*) AS n FROM audit_logs WHERE action = 'create' AND tableAffected = 'medical_records' AND recordId = ?",
        filed.recordId,
      ),
    ).toBe(1);
    expect(
      count(
        app,
        "SELECT count(*) AS n FROM audit_logs WHERE action = 'read' AND tableAffected = 'messages' AND recordId = ?",
        c.message.id,
      ),
    ).toBe(1);
    // Not about a patient: nothing to file into.
    const plain = await ok(app, 'messages.start', {
      to: { kind: 'users', userIds: [ids['desk'] ?? ''] },
      body: 'Thanks!',
    });
    expect(await fails(app, 'messages.fileToChart', { messageId: plain.message.id })).toMatchObject(
      {
        code: 'VALIDATION_FAILED',
        message: 'This conversation is not about a patient.',
      },
    );
  });

  it('opening a conversation is an audited read; the bodies are not in the database in clear', async () => {
    await as(DOC);
    const c = (await ok(app, 'messages.inbox', {})).items[0];
    const before = count(
      app,
      "SELECT count(*) AS n FROM audit_logs WHERE action = 'read' AND tableAffected = 'conversations' AND recordId = ?",
      c?.id ?? '',
    );
    await ok(app, 'messages.open', { conversationId: c?.id ?? '' });
    expect(
      count(
        app,
        "SELECT count(*) AS n FROM audit_logs WHERE action = 'read' AND tableAffected = 'conversations' AND recordId = ?",
        c?.id ?? '',
      ),
    ).toBe(before + 1);
    expect(
      count(app, "SELECT count(*) AS n FROM messages WHERE encryptedMessage LIKE '%penicillin%'"),
    ).toBe(0);
  });

  it('pages the inbox by last activity without repeats', async () => {
    await as(DESK2);
    for (let i = 0; i < 5; i++)
      await ok(app, 'messages.start', {
        to: { kind: 'users', userIds: [ids['doc'] ?? ''] },
        body: `Page test ${i}`,
      });
    const first = await ok(app, 'messages.inbox', { limit: 3 });
    expect(first.items.map((i) => i.lastLine)).toEqual([
      'Page test 4',
      'Page test 3',
      'Page test 2',
    ]);
    const second = await ok(app, 'messages.inbox', { limit: 3, before: first.next });
    expect(second.items.slice(0, 2).map((i) => i.lastLine)).toEqual(['Page test 1', 'Page test 0']);
    const keys = [...first.items, ...second.items].map((i) => i.lastKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('searches only the conversations the user can read, by text, person or patient, logging no text', async () => {
    await as(DOC);
    const byText = await ok(app, 'messages.search', { query: 'PENICILLIN' });
    expect(byText.items.map((i) => i.match)).toEqual([
      'New allergy to penicillin mentioned at the desk.',
    ]);
    const byPatient = await ok(app, 'messages.search', { query: 'quixotewright' });
    expect(byPatient.items.length).toBeGreaterThanOrEqual(3);
    expect(byPatient.items.every((i) => i.conversation.patient?.id === patientId)).toBe(true);
    const byPerson = await ok(app, 'messages.search', { query: 'Sam Desk' });
    expect(byPerson.items.map((i) => i.conversation.lastLine)).toContain('Page test 4');
    expect((await fails(app, 'messages.search', { query: ' a ' })).code).toBe('VALIDATION_FAILED');

    await as(DESK2);
    // Sam is not in the conversation about penicillin.
    expect((await ok(app, 'messages.search', { query: 'penicillin' })).items).toEqual([]);
    expect(
      count(app, "SELECT count(*) AS n FROM audit_logs WHERE detail LIKE '%penicillin%'"),
    ).toBe(0);
    expect(
      count(app, "SELECT count(*) AS n FROM audit_logs WHERE detail LIKE 'search:%'"),
    ).toBeGreaterThanOrEqual(4);
  });
});
