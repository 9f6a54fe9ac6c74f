// Lint: typescript-eslint type-checked rules, React hooks rules, and the layering of ARCHITECTURE.md
// (shared ← renderer | electron | server, nothing across) enforced as import restrictions.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process', 'url', 'stream'];

/**
 * An import restriction per layer: the folders it must not reach, the packages it must not use, and
 * further patterns of its own (a later block replaces an earlier one's patterns, so a floor inside a
 * layer repeats the layer's).
 */
const layer = (files, { folders, packages = [], message, more = [] }) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...folders.map((folder) => ({ group: [`**/${folder}/**`, `**/${folder}`], message })),
          ...(packages.length > 0 ? [{ group: packages, message }] : []),
          ...more,
        ],
      },
    ],
  },
});

const rendererLayer = {
  folders: ['electron', 'server'],
  packages: [...nodeBuiltins, 'electron', 'fastify', 'better-sqlite3'],
  message: 'renderer/ reaches the shell through renderer/platform and the backend over HTTP only.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.node22/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked], languageOptions: { globals: globals.node } },
  {
    files: ['renderer/platform/offline-shell-worker.js'],
    languageOptions: { globals: { ...globals.serviceworker, SHELL_FILES: 'readonly' } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Playwright reads a fixture's dependencies from its first parameter, so a fixture needing none destructures {}.
  { files: ['test/e2e/**'], rules: { 'no-empty-pattern': 'off' } },
  layer(['shared/**'], {
    folders: ['renderer', 'electron', 'server'],
    packages: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'dexie', 'axios', 'fastify', 'better-sqlite3'],
    message: 'shared/ is pure TypeScript: it imports only zod and date libraries.',
  }),
  layer(['renderer/**'], rendererLayer),
  // The renderer's floors (CONVENTIONS.md, "Our own tree"): app composes features; a feature imports only
  // from below it (ui, data, platform, shared), never another feature; the floors below import no feature.
  layer(['renderer/features/**'], {
    ...rendererLayer,
    more: [
      {
        regex: String.raw`^\.\./(?!\.\.(/|$))[^/]+/`,
        message:
          'A feature never imports another: the app composes them, and what two features use goes down to renderer/ui.',
      },
    ],
  }),
  layer(['renderer/ui/**', 'renderer/data/**', 'renderer/platform/**'], {
    ...rendererLayer,
    more: [
      { group: ['**/features/**', '**/app/**'], message: 'ui, data and platform sit below the features and the app.' },
    ],
  }),
  layer(['electron/**'], {
    folders: ['renderer', 'server'],
    packages: ['react', 'react-dom', 'dexie', 'fastify', 'better-sqlite3'],
    message: 'electron/ is the thin shell: it imports only shared/ and Electron.',
  }),
  layer(['server/**'], {
    folders: ['renderer', 'electron'],
    packages: ['electron', 'react', 'react-dom', 'dexie'],
    message: 'server/ imports only shared/ and its own modules.',
  }),
  prettier,
);
