// kill -9 in the middle of typing a visit note: a child process saves the
// draft through the real store and dispatch every few words and is killed
// (SIGKILL, no cleanup) while typing on. Reopened, the store holds the draft
// of the last save that returned (or of the one in flight when it died,
// whole), never a torn or older one; what was typed after it is lost.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCoreApp } from '../../../electron/core/app/core-app';
import { patientInput } from '../fixtures';
import { HARBOUR_CLINIC, memorySettings, tempDir, testWrapper } from '../helpers';
import { DOCTOR, typedWords } from './draft-crash-text';

const RUN_TS = resolve(import.meta.dirname, '../../../bin/run-ts.js');
const TYPIST = resolve(import.meta.dirname, 'draft-typist.ts');
const tmp = tempDir('ehrbs-draft-crash-');
afterAll(() => tmp.cleanup());

async function clinicWithPatient(): Promise<string> {
  const app = await openCoreApp({
    dataDir: tmp.dir,
    keyWrapper: testWrapper(),
    settings: memorySettings(),
  });
  try {
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    must(await app.dispatch('setup.createClinic', HARBOUR_CLINIC));
    must(
      await app.dispatch('doctors.create', {
        displayName: 'Dr Ines Okafor',
        specialty: 'General Practice',
        licenseNumber: 'L-77',
        consultationFee: 100,
        experienceYears: 9,
        ...DOCTOR,
      }),
    );
    return (must(await app.dispatch('patients.create', patientInput())) as { id: string }).id;
  } finally {
    app.close();
  }
}

/** Runs the typist until it has saved `atLeast` words, then kills it with SIGKILL. */
function typeThenKill(patientId: string, atLeast: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [RUN_TS, TYPIST, tmp.dir, patientId], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastSaved = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      buffered += b.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const n = Number(/^saved (\d+)$/.exec(line)?.[1] ?? 0);
        if (n > lastSaved) lastSaved = n;
      }
      if (lastSaved >= atLeast && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        reject(new Error(`the typist ended by itself (${code ?? signal}): ${stderr}`));
      else resolvePromise(lastSaved);
    });
  });
}

describe('a draft being typed survives kill -9', () => {
  it('reopens with the draft of the last save, whole', { timeout: 120_000 }, async () => {
    const patientId = await clinicWithPatient();
    const saved = await typeThenKill(patientId, 40);
    expect(saved).toBeGreaterThanOrEqual(40);

    const app = await openCoreApp({
      dataDir: tmp.dir,
      keyWrapper: testWrapper(),
      settings: memorySettings(),
    });
    try {
      const login = await app.dispatch('session.login', DOCTOR);
      expect(login.ok).toBe(true);
      const r = await app.dispatch('drafts.load', { patientId, appointmentId: null });
      if (!r.ok) throw new Error(r.error.message);
      const draft = r.value as { content: { subjective: string } } | null;
      const words = draft?.content.subjective.split(' ').length ?? 0;
      // The last save reported, or the next one if it committed just before the kill.
      expect([saved, saved + 5]).toContain(words);
      expect(draft?.content.subjective).toBe(typedWords(words));
    } finally {
      app.close();
    }
  });
});
