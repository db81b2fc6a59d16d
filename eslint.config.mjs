// Lint for the kit: TypeScript's recommended rules, and the layout's boundaries as errors.
//   components/core    the protocol core: no Lit, no DOM, nothing from outside core
//   components/shared  element internals: the core and itself, no component
//   components/<name>  one element: the core, shared, its own folder, and other elements only by
//                      their define modules (compose through tags)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const COMPONENTS = ['access-list', 'consent-prompt', 'hidden-flag', 'npub-picker', 'record-viewer', 'session'];

const DOM_GLOBALS = ['window', 'document', 'customElements', 'HTMLElement', 'Element', 'Node', 'ShadowRoot', 'localStorage', 'sessionStorage', 'navigator', 'DOMParser', 'CustomEvent'].map((name) => ({
  name,
  message: 'The core runs without a DOM (in Node too): take what it needs as a parameter.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'storybook-static/**', 'node_modules/**', 'custom-elements.json', '.demo-data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Unused names are the compiler's job (noUnusedLocals / noUnusedParameters); `_` marks a deliberate one.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Browser and Node globals are the compiler's job too (it knows the lib and types in use).
      'no-undef': 'off',
      // A subscription handle read by its own callbacks is assigned after they are made.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['test/**/*.ts', 'stories/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['components/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['lit', 'lit/**', '@lit/**', 'dompurify', 'lean-qr'], message: 'The core imports no Lit and nothing that needs a DOM.' },
          { group: ['**/shared/**', ...COMPONENTS.map((c) => `**/${c}/**`)], message: 'The core imports nothing from outside components/core.' },
        ],
      }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    files: ['components/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: COMPONENTS.map((c) => `../${c}/**`), message: 'shared/ serves the elements; it imports none of them.' }],
      }],
    },
  },
  ...COMPONENTS.map((name) => ({
    files: [`components/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          group: [
            ...COMPONENTS.filter((other) => other !== name).map((other) => `../${other}/**`),
            ...COMPONENTS.filter((other) => other !== name).map((other) => `!../${other}/define.js`),
          ],
          message: 'Use another element through its tag and define module, or move the shared part into components/shared.',
        }],
      }],
    },
  })),
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { sourceType: 'module' },
  },
);
