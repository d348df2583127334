// ESLint (flat config): typescript-eslint's recommended rules for all TypeScript, React's hooks
// rules for the Preact components, and the project's own boundaries (see ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Syntax no file may use (the MV3 CSP, hostile page text). */
const UNSAFE_SYNTAX = [
  { selector: "CallExpression[callee.name='eval']", message: 'No eval: the MV3 CSP forbids it and page text is hostile.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No Function constructor: the MV3 CSP forbids it.' },
  { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML)$/]", message: 'Render page and user text as text, never as HTML.' },
];

// One door to the tables (issue 12 item 1): only lib/db reads or writes a Dexie table; everything
// else calls a lib/db repository function (or a live query built on one).
const TABLES = '/^(leads|segments|memberBlocks|memberships|campaigns|customFields|segmentHistory|jobs|meta|tables)$/';
const DB_NAMES = '/^(db|database)$/';
const ONE_DOOR = 'Only lib/db touches the tables: call (or add) a repository function in lib/db.';
const TABLE_ACCESS = [
  { selector: `MemberExpression[object.type='Identifier'][object.name=${DB_NAMES}][property.name=${TABLES}]`, message: ONE_DOOR },
  { selector: `MemberExpression[object.type='MemberExpression'][object.property.name=${DB_NAMES}][property.name=${TABLES}]`, message: ONE_DOOR },
  { selector: `CallExpression[callee.property.name=/^(table|transaction)$/][callee.object.name=${DB_NAMES}]`, message: ONE_DOOR },
  { selector: "NewExpression[callee.name='CrmSegmentsDB']", message: 'Open the database with openDatabase() from lib/db.' },
];

/** Production files allowed to read tables outside lib/db: none (issue 12 item 1). */
const TABLE_ACCESS_ALLOWLIST = [];

/** Tests, their fixtures and the measuring harnesses: they may seed and inspect tables directly. */
const TEST_FILES = [
  '**/*.test.ts',
  '**/*.test.tsx',
  'e2e/**',
  'bench/**',
  'components/members/test-fixtures.ts',
  'entrypoints/popup/test-kit.tsx',
  'lib/segments/test-support.ts',
  'lib/format/test-leads.ts',
  'lib/sync/test-crm-server.ts',
  'lib/sync/fault-world.ts',
];

// Dependency direction (ARCHITECTURE.md): lib is below the UI, and nothing that ships imports the
// demo, the benchmarks or the e2e harness. Dexie itself stays inside lib/db (liveQuery excepted:
// components/use-live-query.ts wraps it for the UIs).
const NOT_SHIPPED = { group: ['**/demo/**', '**/bench/**', '**/e2e/**'], message: 'Shipped code does not import the demo, benchmarks or e2e harness.' };
const DEXIE_ONLY_IN_DB = { name: 'dexie', allowImportNames: ['liveQuery'], message: 'Only lib/db uses Dexie: call a lib/db repository function.' };
const NO_UI_FROM_LIB = { group: ['**/entrypoints/**', '**/components/**'], message: 'lib/ is below the UI: it must not import entrypoints/ or components/.' };
const NO_ENTRYPOINTS_FROM_COMPONENTS = { group: ['**/entrypoints/**'], message: 'components/ are shared by the entrypoints: they must not import one.' };

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'e2e-output/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    plugins: { 'react-hooks': reactHooks },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // Warn for now: the existing effects list their deps on purpose in places; issue 12 revisits them.
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': ['error', ...UNSAFE_SYNTAX, ...TABLE_ACCESS],
      'no-restricted-imports': ['error', { paths: [DEXIE_ONLY_IN_DB], patterns: [NOT_SHIPPED] }],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [DEXIE_ONLY_IN_DB], patterns: [NOT_SHIPPED, NO_UI_FROM_LIB] }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [DEXIE_ONLY_IN_DB], patterns: [NOT_SHIPPED, NO_ENTRYPOINTS_FROM_COMPONENTS] }] },
  },
  {
    files: ['lib/db/**', ...TEST_FILES, ...TABLE_ACCESS_ALLOWLIST],
    rules: { 'no-restricted-syntax': ['error', ...UNSAFE_SYNTAX] },
  },
  {
    // lib/db owns Dexie; tests and harnesses may reach across rooms (a test drives the real demo CRM).
    files: ['lib/db/**', ...TEST_FILES, 'demo/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests read untyped JSON answers from the demo CRM and the browser.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
