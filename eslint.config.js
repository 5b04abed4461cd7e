// @ts-check
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '**/*.astro',
      '**/*.mdx',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The simulator core runs unchanged in the browser, the CLI and tests: it may import
    // only itself and small pure libraries (architecture.md, "The shape").
    files: ['sandbox/**/*.ts'],
    ignores: ['sandbox/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(astro|astro:.*|astro/.*)$', message: 'sandbox/ must not depend on Astro' },
            { regex: '^@astrojs/', message: 'sandbox/ must not depend on Astro' },
            { regex: '^monaco-editor', message: 'sandbox/ must not depend on Monaco' },
            { regex: '^node:', message: 'sandbox/ must not use Node built-ins' },
            { regex: '(^|/)src(/|$)', message: 'sandbox/ must not import site code from src/' },
            { regex: '^@/', message: 'sandbox/ must not import site code from src/' },
          ],
        },
      ],
    },
  },
);
