// Lint enforces the layering: each environment imports only what it may run with.
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]
const electron = { name: 'electron', message: 'Only electron/main/adapters, electron/main/index.ts and the preload may import electron.' }
const builtinPaths = nodeBuiltins.map((name) => ({ name, message: 'This layer runs without Node built-ins.' }))
const restrict = (paths, patterns = []) => ({
  'no-restricted-imports': ['error', { paths, patterns }],
})

export default tseslint.config(
  { ignores: ['service/generated/**', 'out/**', 'dist/**', 'node_modules/**', 'docs/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict([electron, ...builtinPaths], [
        { group: ['**/electron/**', '**/renderer/**', '**/service/**'], message: 'shared/ depends on nothing else in the project.' },
      ]),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([electron, ...builtinPaths], [
        { group: ['**/electron/**', '**/service/**'], message: 'The renderer knows only the contract in shared/.' },
      ]),
    },
  },
  {
    files: ['service/**/*.ts'],
    rules: restrict([electron], [
      { group: ['**/electron/**', '**/renderer/**'], message: 'The token service knows only HTTP; it imports nothing from the app.' },
    ]),
  },
  {
    files: ['electron/main/services/**/*.ts', 'electron/main/ipc/**/*.ts', 'electron/main/modules/**/*.ts', 'electron/main/core.ts', 'electron/main/core-context.ts', 'electron/preview/**/*.ts'],
    rules: restrict([electron], [
      { group: ['**/renderer/**'], message: 'The main process does not import the renderer.' },
      { group: ['**/adapters/electron-*'], message: 'Electron adapters are wired only by electron/main/index.ts.' },
    ]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([...builtinPaths], [
      { group: ['**/main/**', '**/renderer/**', '**/service/**'], message: 'The preload exposes the contract only.' },
    ]),
  },
)
