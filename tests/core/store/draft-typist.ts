// A child process for the draft crash test: opens the real store, logs the
// doctor in and "types" a visit note, saving the draft through the real
// dispatch every few words, as the visit note page does. After each save has
// returned (committed), it prints "saved <words>" so the parent knows what
// must survive a kill -9. Usage: run-ts.js draft-typist.ts DATA_DIR PATIENT_ID
import { openCoreApp } from '../../../electron/core/app/core-app';
import { memorySettings, testWrapper } from '../helpers';
import { DOCTOR, typedWords } from './draft-crash-text';

const [dataDir, patientId] = process.argv.slice(2);
if (!dataDir || !patientId) throw new Error('usage: draft-typist.ts DATA_DIR PATIENT_ID');
const app = await openCoreApp({ dataDir, keyWrapper: testWrapper(), settings: memorySettings() });
const login = await app.dispatch('session.login', DOCTOR);
if (!login.ok) throw new Error(login.error.message);
for (let words = 1; ; words++) {
  // Typing goes on between saves: these words exist only in this process.
  await new Promise((resolve) => setTimeout(resolve, 2));
  if (words % 5 !== 0) continue;
  const r = await app.dispatch('drafts.save', {
    patientId,
    appointmentId: null,
    content: { subjective: typedWords(words), objective: '', assessment: '', plan: '' },
  });
  if (!r.ok) throw new Error(r.error.message);
  process.stdout.write(`saved ${words}\n`);
}
