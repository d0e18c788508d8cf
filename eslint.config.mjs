// ESLint 9 flat config.
// - Lightning web components (TypeScript): Salesforce's LWC recommended rules (the same rules the
//   platform enforces, plus @lwc/lwc and @salesforce/lightning) on typescript-eslint's type-aware
//   parser. Salesforce's own `recommended-ts` config misreports on ESLint 9, so we take the
//   JavaScript config and swap its Babel parser for the TypeScript one.
// - Node scripts (.mjs): eslint recommended with Node globals.
import js from '@eslint/js';
import lwcRecommended from '@salesforce/eslint-config-lwc/recommended.js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** LWC recommended configs with the Babel parser removed (typescript-eslint parses instead). */
const lwcRules = lwcRecommended.map((config) => {
  if (!config.languageOptions?.parser) return config;
  // eslint-disable-next-line no-unused-vars
  const { parser, parserOptions, ...languageOptions } = config.languageOptions;
  return { ...config, languageOptions };
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      '.test-output/**',
      // the local preview's build output and store
      '.preview/**',
      '.sf/**',
      '.sfdx/**',
      // tsc output, compiled from the .ts beside it
      'force-app/**/lwc/*/*.js',
      // checker fixtures hold planted defects on purpose
      'scripts/check/__tests__/fixtures/**',
    ],
  },
  {
    files: ['force-app/**/lwc/**/*.ts'],
    extends: [...lwcRules, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        project: ['./config/tsconfig.tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.jest },
    },
    rules: {
      // TypeScript checks these itself, and knows about types the core rules cannot see.
      'no-undef': 'off',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      // LWC wire adapters and Apex imports resolve only on the platform.
      'import/no-unresolved': 'off',
      'import/named': 'off',
      'import/namespace': 'off',
      'import/default': 'off',
      'import/no-named-as-default-member': 'off',
    },
  },
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.ts'],
    rules: {
      // Jest mocks and DOM queries are loosely typed by nature.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Node scripts in TypeScript (CLI, preview server and store, data generator), run with tsx.
    files: ['scripts/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['./scripts/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // node:test's test() and describe() return promises the runner awaits itself.
    files: ['scripts/**/__tests__/**/*.ts', 'scripts/**/browser-tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // The local preview's page shell, platform stand-ins and entry: browser code the LWC compiler
    // bundles, held to the same LWC rules as the components (JavaScript, so the Babel parser stays).
    files: ['scripts/preview/lwc/**/*.js', 'scripts/preview/stubs/**/*.js', 'scripts/preview/client/**/*.js'],
    extends: [...lwcRecommended],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // `lwc`, `preview/*` and `c/*` resolve in the preview's rollup build, not in Node.
      'import/no-unresolved': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'jest.config.js', 'config/jest/*.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 'latest',
      globals: { ...globals.node },
    },
  }
);
