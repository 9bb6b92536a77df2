import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

const door = (names, message) => ({
  'no-restricted-imports': ['error', { paths: [{ name: 'electron', importNames: names, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { bantin: { rules: { layers } } },
    rules: {
      'bantin/layers': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(skip|only)$/][callee.object.name=/^(it|test|describe)$/]", message: 'No skipped or focused tests.' },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // One door per side: only the IPC wrapper touches ipcMain, only the preload ipcRenderer,
  // only platform/api.ts reads window.desk.
  {
    files: ['src-*/**/*.{ts,tsx}', 'src-main/main.ts'],
    ignores: ['src-main/electron/ipc.ts', 'src-main/preload/**'],
    rules: door(['ipcMain', 'ipcRenderer'], 'Only src-main/electron/ipc.ts uses ipcMain; only the preload uses ipcRenderer.'),
  },
  { files: ['src-main/electron/ipc.ts'], rules: door(['ipcRenderer'], 'Only the preload uses ipcRenderer.') },
  { files: ['src-main/preload/**'], rules: door(['ipcMain'], 'Only src-main/electron/ipc.ts uses ipcMain.') },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/platform/api.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'window', property: 'desk', message: 'Use src-renderer/platform/api.ts.' }],
    },
  },
);
