// Archiving a conversation, per user, on two workstations synced through a
// real sync server (HTTPS, mutual TLS): it leaves only my inbox (the other
// party and my other workstation follow the same marks), it reads what it
// hides, it comes back with a new message, unarchive brings it back at once,
// and only members may archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servicesFor } from '../../../electron/core/services/services';
import { syncRound } from '../../../electron/core/sync/sync-round';
import type { ClinicStore } from '../../../electron/core/clinic/clinic-store';
import type { Session } from '../../../electron/core/services/session';
import { STAFF_PASSWORD } from '../fixtures';
import type { clinicWorld } from '../world';

import { twoWorkstations, type TwoWorkstations } from './two-workstation-world';
describe('archiving a conversation, per user, across workstations', () => {
  let a: Awaited<ReturnType<typeof clinicWorld>>;
  let bStore: ClinicStore;
  let world: TwoWorkstations;
  let b: ReturnType<typeof servicesFor>;
  let doctorOnB: Session;
  let conversationId = '';

  const sync = async () => {
    await syncRound(a.store);
    await syncRound(bStore);
    await syncRound(a.store);
  };
  const ids = (items: { id: string }[]) => items.map((i) => i.id);
  const inbox = (services: ReturnType<typeof servicesFor>, s: Session, archived = false) =>
    ids(services.messages.inbox(s, { before: null, limit: 50, archived }).items);

  beforeAll(async () => {
    world = await twoWorkstations({ a: 'Front desk', b: 'Consulting room 1' });
    ({ a, bStore } = world);
    b = servicesFor(bStore);
    doctorOnB = await b.auth.login('dr.house@example.test', STAFF_PASSWORD);
    conversationId = a.services.messages.start(a.desk, {
      to: { kind: 'users', userIds: [a.doctorSession.user.id] },
      body: 'Room 2 is ready.',
      patientId: null,
      urgent: false,
    }).conversationId;
    await sync();
  });
  afterAll(async () => {
    await world.close();
  });

  it("hides the conversation from the archiver's inbox on both workstations, and reads it", async () => {
    expect(inbox(b, doctorOnB)).toContain(conversationId);
    const unreadBefore = b.messages.unread(doctorOnB, {}).unread;
    expect(b.messages.archive(doctorOnB, { conversationId })).toEqual({ archived: true });
    expect(inbox(b, doctorOnB)).not.toContain(conversationId);
    expect(inbox(b, doctorOnB, true)).toEqual([conversationId]);
    expect(b.messages.unread(doctorOnB, {}).unread).toBe(unreadBefore - 1);
    // Archiving twice writes nothing more.
    const marks = () =>
      bStore.read
        .prepare("SELECT count(*) AS n FROM message_marks WHERE kind = 'archived'")
        .get() as {
        n: number;
      };
    const before = marks().n;
    b.messages.archive(doctorOnB, { conversationId });
    expect(marks().n).toBe(before);

    await sync();
    // Per user: gone from the doctor's inbox on A too, still in the sender's.
    expect(inbox(a.services, a.doctorSession)).not.toContain(conversationId);
    expect(inbox(a.services, a.doctorSession, true)).toContain(conversationId);
    expect(inbox(a.services, a.desk)).toContain(conversationId);
    expect(
      a.services.messages.open(a.doctorSession, { conversationId, before: null, limit: 50 })
        .conversation.archived,
    ).toBe(true);
  });

  it('comes back when a new message arrives, on the other workstation too', async () => {
    a.services.messages.reply(a.desk, {
      conversationId,
      body: 'Room 3 now, sorry.',
      urgent: false,
    });
    expect(inbox(a.services, a.doctorSession)).toContain(conversationId);
    await sync();
    expect(inbox(b, doctorOnB)).toContain(conversationId);
    expect(inbox(b, doctorOnB, true)).not.toContain(conversationId);
    const item = b.messages
      .inbox(doctorOnB, { before: null, limit: 50, archived: false })
      .items.find((i) => i.id === conversationId);
    expect(item).toMatchObject({ unread: 1, archived: false, lastLine: 'Room 3 now, sorry.' });
  });

  it('unarchive brings it back at once; a non-member cannot archive', async () => {
    b.messages.archive(doctorOnB, { conversationId });
    expect(b.messages.unarchive(doctorOnB, { conversationId })).toEqual({ archived: false });
    expect(inbox(b, doctorOnB)).toContain(conversationId);
    await sync();
    expect(inbox(a.services, a.doctorSession)).toContain(conversationId);
    expect(() => a.services.messages.archive(a.admin, { conversationId })).toThrow(
      'You are not part of this conversation.',
    );
  });
});
