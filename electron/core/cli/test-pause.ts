// A test hook: with EHRBS_TEST_PAUSE_AT=<point>, a command stops at that point
// (saying so on stderr) until it is killed, so a test's kill -9 lands exactly
// there instead of after a guessed delay. Inert unless the variable is set.
export type PausePoint = 'backup:snapshot-written' | 'demo:before-publish';

export async function pauseIfAsked(point: PausePoint): Promise<void> {
  if (process.env['EHRBS_TEST_PAUSE_AT'] !== point) return;
  process.stderr.write(`ehrbs: paused at ${point}\n`);
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}
