// ESLint flat config. The rules that keep the layout (docs/ARCHITECTURE.md):
// - src/core/ and src/features/ are pure: no `vscode`, no Node-only modules, so they run in mocha,
//   the command line and a browser alike;
// - code outside src/core/ imports the core through src/core/index.ts only;
// - src/extension/ reads files through the VS Code file system API, never `node:fs`.
import tseslint from 'typescript-eslint';

const NODE_ONLY = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'util', 'worker_threads'];
const CORE_NO_VSCODE = { name: 'vscode', message: 'src/core must not depend on the VS Code API.' };
const CORE_PATTERNS = [
  { group: NODE_ONLY, message: 'src/core must also run in a browser: no Node-only modules.' },
  { group: ['**/extension/**', '**/cli/**', '**/features/**', '**/tools/**'], message: 'src/core must not depend on the layers above it.' },
];
const DEEP_CORE = { group: ['**/core/*', '!**/core/index'], message: 'Import the core through src/core/index.ts (`../core`), not a file inside it.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', '.vscode-test/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // the core: pure (no vscode, no Node modules); it words its messages through l10n.t (docs/l10n.md)
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [CORE_NO_VSCODE], patterns: CORE_PATTERNS }] },
  },
  {
    files: ['src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/features is pure: no VS Code API (the adapters are in src/extension/features).' }],
          patterns: [
            { group: NODE_ONLY, message: 'src/features must also run in a browser: no Node-only modules.' },
            { group: ['**/extension/**', '**/cli/**', '**/tools/**'], message: 'src/features must not depend on the adapters.' },
            DEEP_CORE,
          ],
        },
      ],
    },
  },
  {
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:fs', message: 'Use vscode.workspace.fs (src/extension/services/files.ts): it works in the browser and on remote file systems.' },
            { name: 'fs', message: 'Use vscode.workspace.fs (src/extension/services/files.ts).' },
            { name: 'node:fs/promises', message: 'Use vscode.workspace.fs (src/extension/services/files.ts).' },
          ],
          patterns: [{ group: ['**/cli/**', '**/tools/**'], message: 'The extension must not depend on the command line or the measuring tools.' }, DEEP_CORE],
        },
      ],
    },
  },
  {
    // the converters (PDF, Word, web pages): bytes in, text out; Node modules allowed, files not
    files: ['src/convert/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/convert must not depend on the VS Code API.' },
            { name: 'node:fs', message: 'Converters take bytes and give text: the caller reads and writes files.' },
            { name: 'fs', message: 'Converters take bytes and give text: the caller reads and writes files.' },
            { name: 'node:fs/promises', message: 'Converters take bytes and give text: the caller reads and writes files.' },
          ],
          patterns: [{ group: ['**/extension/**', '**/cli/**', '**/tools/**', '**/features/**'], message: 'src/convert must not depend on the layers above it.' }, DEEP_CORE],
        },
      ],
    },
  },
  {
    // the corpus dashboard's page (the webview's and the HTML report's script): a browser, no VS Code API
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview runs in a browser page: it talks to the extension by messages.' }],
          patterns: [{ group: NODE_ONLY, message: 'The webview runs in a browser page.' }, { group: ['**/extension/**', '**/cli/**', '**/tools/**'], message: 'The webview must not depend on the adapters.' }, DEEP_CORE],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/tools/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/extension/**'], message: 'The command line must not depend on the extension.' }, DEEP_CORE] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
