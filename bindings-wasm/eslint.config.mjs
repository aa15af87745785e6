// ESLint (flat config) for the package's JavaScript: the web component, the tests and the benchmark.
// TypeScript is checked by tsc (`npm run typecheck`).
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['node_modules/'] },
  js.configs.recommended,
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    // Callbacks of page.evaluate run in the page.
    files: ['tests/browser.test.mjs', 'tests/explorer.test.mjs', 'benchmarks/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The web component runs in browsers only.
    files: ['explorer/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
];
