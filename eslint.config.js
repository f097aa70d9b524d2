// One linter for the whole tree. Every suppression in the code says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'src/persistence/generated/', 'data/', 'manifest/build/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'error',
      // Configuration is read once, in src/config.ts, through its zod schema.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through src/config.ts (loadConfig), not process.env.',
        },
      ],
    },
  },
  {
    // The core knows nothing of Slack or Teams. src/main.ts is the composition root that
    // wires the adapters to the core, and the only file in src/ allowed to import them.
    files: ['src/**/*.ts'],
    ignores: ['src/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@slack/*', 'botbuilder*', 'botframework-*', 'adaptivecards'], message: 'src/ is platform-neutral: platform code lives in adapters/ and cards/.' },
            { group: ['**/adapters/**', '**/cards/**'], message: 'src/ must not depend on adapters/ or cards/.' },
          ],
        },
      ],
    },
  },
  {
    // The playground's page runs in the browser, with the adaptivecards bundle as a global.
    files: ['adapters/playground/page/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        window: 'readonly', document: 'readonly', location: 'readonly', localStorage: 'readonly', fetch: 'readonly', EventSource: 'readonly',
        CSS: 'readonly', URLSearchParams: 'readonly', setInterval: 'readonly', AdaptiveCards: 'readonly',
      },
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'test/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
