// Import rules: which code may import which. They live here, beside the
// tsconfigs that enforce the same layering for the compiler, and are tested
// by tests/lint/layer-rules.test.ts (a fixture per rule shows that it bites).
//
// ESLint applies the last matching config object's options for a rule, so
// each object below lists every pattern that holds for the files it matches.

const group = (patterns, message, importNames) => ({
  group: patterns,
  message,
  ...(importNames ? { importNames } : {}),
});

const rule = (files, groups, extra = {}) => ({
  files,
  ...extra,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: groups }] },
});

const SHARED = group(
  ['**/electron/**', '**/renderer/**', '**/sync-server/**', 'node:*', 'electron', 'react'],
  'shared/ imports nothing of the other layers and no platform module.',
);
const RENDERER = group(
  ['**/electron/**', '**/sync-server/**', 'node:*', 'electron'],
  'The renderer imports only shared/ (and browser libraries).',
);
const CORE = group(
  ['electron', '**/renderer/**', '**/sync-server/**', '**/main/**', '**/preload/**'],
  'The app core is plain Node: no electron, no renderer, no sync-server.',
);
const SERVER = group(
  ['electron', '**/electron/**', '**/renderer/**'],
  'The sync server imports only shared/ and Node.',
);
// Who may write: only the write path, the replication path and the store's
// own modules obtain the writable handle (store/db-handles.ts explains).
const WRITABLE = group(
  ['**/clinic/writable-db'],
  'Only write/, the replication path (sync/apply-remote.ts, sync/restored-store.ts) and the store may use the writable handle; write through ClinicStore.write.',
);
const AS_WRITABLE = group(
  ['**/store/db-handles'],
  'Only the store and the ClinicStore turn a database into a WritableDB.',
  ['asWritable'],
);
const STORE = group(
  [
    '**/write/*',
    '**/audit/*',
    '**/clock/*',
    '**/crypto/*',
    '**/clinic/*',
    '**/repos/*',
    '**/services/*',
    '**/sync/*',
    '**/api/*',
    '**/workstation/*',
    // shared/ is below every layer (migration backfills stamp cells with shared/sync's clock format).
    '!**/shared/sync/*',
  ],
  'store/ is the lowest core layer: it imports nothing of the core outside store/.',
);
const HANDLERS = group(
  ['**/store/*', '**/sync/*', '**/clinic/*', '**/repos/*'],
  'A handler calls one service method: it never reaches into the store or sync.',
);
const SERVER_SYNC = group(
  ['**/store/*'],
  'sync-server/src/sync is pure planning: the store uses it, never the other way round.',
);

export const layerRules = [
  rule(['shared/**/*.ts'], [SHARED]),
  rule(['renderer/**/*.{ts,tsx}'], [RENDERER]),
  rule(['electron/core/**/*.ts'], [CORE, WRITABLE, AS_WRITABLE]),
  rule(
    [
      'electron/core/write/**/*.ts',
      'electron/core/sync/apply-remote.ts',
      // Adopts this device's own history after a restore (audit rows the mutation path cannot write).
      'electron/core/sync/restored-store.ts',
    ],
    [CORE, AS_WRITABLE],
  ),
  rule(['electron/core/clinic/**/*.ts'], [CORE]),
  rule(['electron/core/store/**/*.ts'], [CORE, STORE]),
  rule(['electron/core/api/handlers/**/*.ts'], [CORE, WRITABLE, AS_WRITABLE, HANDLERS]),
  rule(['sync-server/**/*.ts'], [SERVER]),
  rule(['sync-server/src/sync/**/*.ts'], [SERVER, SERVER_SYNC]),
];
