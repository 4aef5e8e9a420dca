// Push batches are sized without serializing each change: the estimate must be
// the exact JSON size, or a batch could exceed the server's body limit.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { changeJsonBytes, nextPushBatch } from '../../../electron/core/sync/push-batch';
import { utf8Length } from '../../../shared/sync/batching';
import { patientInput } from '../fixtures';
import { clinicWorld } from '../world';

let world: Awaited<ReturnType<typeof clinicWorld>>;
beforeAll(async () => {
  world = await clinicWorld();
  world.services.patients.create(
    world.desk,
    patientInput({ givenName: 'Zoë', familyName: 'Ünïcode-名前' }),
  );
});
afterAll(() => world.close());

it('sizes every change of a batch exactly as its JSON (non-ASCII clinical text included)', () => {
  const batch = nextPushBatch(world.store);
  expect(batch?.changes.length).toBeGreaterThan(17);
  for (const c of batch?.changes ?? []) {
    expect(changeJsonBytes(c)).toBe(utf8Length(JSON.stringify(c)) + 1);
  }
});
