// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', 'test/browser/.build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description', 'ts-expect-error': 'allow-with-description' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: the library runs under strict CSP.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: the library runs under strict CSP.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The core is pure: time arrives as `now`.' },
        { object: 'Math', property: 'random', message: 'The core is pure: no randomness.' },
        { object: 'process', property: 'env', message: 'The core is pure: no environment.' },
      ],
    },
  },
  {
    // The browser kit's default wiring is the one file under src/ that may read the clock: it
    // defines the default `clock.now` (Date.now) that every other kit file receives injected.
    // Randomness and the environment stay forbidden here too (ids come from Web Crypto).
    files: ['src/browser/defaults.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The core is pure: no randomness.' },
        { object: 'process', property: 'env', message: 'The core is pure: no environment.' },
      ],
    },
  },
  {
    // zod is the published description of the format (the `proactive-messaging/schema` sub-path,
    // an optional peer); the library itself runs its own checker (src/check/).
    files: ['src/**/*.ts'],
    ignores: ['src/schema/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['zod', 'zod/*'], message: 'zod is only for the schema sub-path: the library runs src/check/.' }],
        },
      ],
    },
  },
);
