import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Process boundaries, enforced: a bad import fails `npm test`. */
const restrict = (paths, patterns) => ['error', { paths, patterns }];
const electronOnly = [{ name: 'electron', message: 'Only the thin glue in electron/main/index.ts and electron/preload may import electron.' }];
const noNode = nodeBuiltins.map((name) => ({ name, message: 'This code also runs in the browser: no Node built-ins.' }));

const coreImports = {
  paths: [{ name: 'electron', message: 'The core runs in plain Node; pass Electron APIs in from the glue.' }],
  patterns: [{ group: ['**/renderer/**', '**/electron/main/index*'], message: 'The core does not depend on the renderer or the glue.' }],
};

const rendererPaths = [...electronOnly, ...noNode, { name: 'better-sqlite3', message: 'The renderer reaches data only through window.api.' }];
const rendererPatterns = [{ group: ['**/electron/**', '**/electron'], message: 'The renderer never imports main-process code; use the IPC contract in shared/.' }];
const throughIndex = 'A feature is used by others only through its index.ts (import the folder); see VS Code\'s code-import-patterns.';

/**
 * Per folder, like VS Code's `code-import-patterns`: a file in `features/X/` (at any depth) may import
 * another feature only as `…/Y` or `…/Y/index`, never a file inside it. Relative imports climb exactly
 * as many levels as the file is deep to reach `features/`, so the pattern is made per depth.
 */
const features = fs.readdirSync(path.join(import.meta.dirname, 'renderer/src/features'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const featureBlocks = features.flatMap((feature) =>
  [1, 2, 3].map((depth) => ({
    files: [`renderer/src/features/${feature}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': restrict(rendererPaths, [
        ...rendererPatterns,
        { regex: `^(\\.\\./){${depth}}(?!${escape(feature)}/)[^./][^/]*/(?!index$).+`, message: throughIndex },
      ]),
    },
  })),
);

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(rendererPaths, [...rendererPatterns, { regex: '(^|/)features/[^/]+/(?!index$).+', message: throughIndex }]),
      'no-restricted-properties': ['error', { object: 'window', property: 'api', message: 'Only renderer/src/api/client.ts touches window.api.' }],
    },
  },
  ...featureBlocks,
  { files: ['renderer/src/api/client.ts'], rules: { 'no-restricted-properties': 'off' } },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...electronOnly, ...noNode, 'react', 'react-dom', 'better-sqlite3'].map((p) => (typeof p === 'string' ? { name: p, message: 'shared/ imports no Electron, Node, React, MUI or database code.' } : p)),
        [{ group: ['@mui/*', '@emotion/*', '**/electron/**', '**/renderer/**'], message: 'shared/ imports no Electron, Node, React, MUI or database code.' }],
      ),
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/host/**/*.ts', 'electron/main/window-policy.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(coreImports.paths, coreImports.patterns),
    },
  },
  {
    // Services are called by the IPC layer and never the other way round (AppError, Clock live in the core).
    files: ['electron/core/services/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(coreImports.paths, [
        ...coreImports.patterns,
        { regex: '^(\\.\\./)+ipc(/|$)', message: 'Services never import electron/core/ipc/; use electron/core/errors.ts and electron/core/clock.ts.' },
      ]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/db/sqlite.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Database']", message: 'Open connections with openSqlite (electron/core/db/sqlite.ts), so the Electron app loads its own better-sqlite3 build.' },
      ],
    },
  },
  { files: ['electron/preload/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['tests/**/*.{ts,tsx,mjs}', 'scripts/**/*.mjs'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
);
