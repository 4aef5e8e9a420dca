// Each import rule of eslint.layers.js bites: a fixture that breaks it is
// refused with the rule's message, and the same import where it is allowed
// passes. The fixtures are linted with the real rule objects (no type
// information needed), at the path a real file would have.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerRules } from '../../eslint.layers.js';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    { plugins: { '@typescript-eslint': tseslint.plugin } },
    ...layerRules,
  ],
});

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.message);
}

const cases: { rule: string; file: string; code: string; allowedIn: string; says: RegExp }[] = [
  {
    rule: 'store/ must not import write/',
    file: 'electron/core/store/fixture.ts',
    code: "import { mutate } from '../write/mutation';",
    allowedIn: 'electron/core/clinic/fixture.ts',
    says: /store\/ is the lowest core layer/,
  },
  {
    rule: 'store/ must not import audit/',
    file: 'electron/core/store/fixture.ts',
    code: "import { appendAudit } from '../audit/audit-writer';",
    allowedIn: 'electron/core/write/fixture.ts',
    says: /store\/ is the lowest core layer/,
  },
  {
    rule: 'store/ must not import clock/',
    file: 'electron/core/store/fixture.ts',
    code: "import { restoreClock } from '../clock/device-clock';",
    allowedIn: 'electron/core/clinic/fixture.ts',
    says: /store\/ is the lowest core layer/,
  },
  {
    rule: 'store/ must not import crypto/',
    file: 'electron/core/store/fixture.ts',
    code: "import { keyringFrom } from '../crypto/clinic-keys';",
    allowedIn: 'electron/core/clinic/fixture.ts',
    says: /store\/ is the lowest core layer/,
  },
  {
    rule: 'handlers must not import store/',
    file: 'electron/core/api/handlers/fixture.ts',
    code: "import { localMeta } from '../../store/local-meta';",
    allowedIn: 'electron/core/services/fixture.ts',
    says: /A handler calls one service method/,
  },
  {
    rule: 'handlers must not import sync/',
    file: 'electron/core/api/handlers/fixture.ts',
    code: "import { syncRound } from '../../sync/sync-round';",
    allowedIn: 'electron/core/workstation/fixture.ts',
    says: /A handler calls one service method/,
  },
  {
    rule: 'only the write path, the apply path and the store get the writable handle',
    file: 'electron/core/services/fixture.ts',
    code: "import { writableDb } from '../clinic/writable-db';",
    allowedIn: 'electron/core/sync/apply-remote.ts',
    says: /Only write\/, the replication path \(sync\/apply-remote.ts, sync\/restored-store.ts\) and the store/,
  },
  {
    rule: 'nobody else turns a database into a WritableDB',
    file: 'electron/core/sync/fixture.ts',
    code: "import { asWritable } from '../store/db-handles';",
    allowedIn: 'electron/core/clinic/fixture.ts',
    says: /turn a database into a WritableDB/,
  },
  {
    rule: 'sync-server/src/sync must not import store/',
    file: 'sync-server/src/sync/fixture.ts',
    code: "import type { SyncStore } from '../store/types';",
    allowedIn: 'sync-server/src/http/fixture.ts',
    says: /sync-server\/src\/sync is pure planning/,
  },
  {
    rule: 'the core never imports electron',
    file: 'electron/core/services/fixture.ts',
    code: "import { app } from 'electron';",
    allowedIn: 'electron/main/fixture.ts',
    says: /The app core is plain Node/,
  },
  {
    rule: 'the renderer imports only shared/',
    file: 'renderer/src/fixture.ts',
    code: "import { ClinicStore } from '../../electron/core/clinic/clinic-store';",
    allowedIn: 'tests/fixture.ts',
    says: /The renderer imports only shared/,
  },
  {
    rule: 'shared/ imports no platform module',
    file: 'shared/fixture.ts',
    code: "import { randomUUID } from 'node:crypto';",
    allowedIn: 'electron/core/fixture.ts',
    says: /shared\/ imports nothing of the other layers/,
  },
];

describe('import rules (eslint.layers.js)', () => {
  for (const c of cases) {
    it(`${c.rule}: refused in ${c.file}, allowed in ${c.allowedIn}`, async () => {
      const refused = await messages(c.file, c.code);
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatch(c.says);
      expect(await messages(c.allowedIn, c.code)).toEqual([]);
    });
  }
});
