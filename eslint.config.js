// One linter for the whole repository. Layering rules live here as well as in
// each layer's tsconfig, so a forbidden import fails both lint and type-check.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (files, patterns, message) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: patterns.map((group) => ({ group: [group], message })) },
    ],
  },
});

export default tseslint.config(
  {
    ignores: ['node_modules', 'dist', 'release', 'test-results', 'playwright-report', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer(
    ['shared/**/*.ts'],
    ['**/electron/**', '**/renderer/**', '**/sync-server/**', 'node:*', 'electron', 'react'],
    'shared/ imports nothing of the other layers and no platform module.',
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    ['**/electron/**', '**/sync-server/**', 'node:*', 'electron'],
    'The renderer imports only shared/ (and browser libraries).',
  ),
  layer(
    ['electron/core/**/*.ts'],
    ['electron', '**/renderer/**', '**/sync-server/**', '**/main/**', '**/preload/**'],
    'The app core is plain Node: no electron, no renderer, no sync-server.',
  ),
  layer(
    ['sync-server/**/*.ts'],
    ['electron', '**/electron/**', '**/renderer/**'],
    'The sync server imports only shared/ and Node.',
  ),
);
