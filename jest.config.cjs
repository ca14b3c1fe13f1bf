// One Jest run, five projects. @swc/jest turns our TS (and the ESM-only @nestjs packages) into CJS.
const path = require('node:path');
const swc = JSON.parse(require('node:fs').readFileSync(path.join(__dirname, '.swcrc.jest.json'), 'utf8'));
// .tsx (the console's components, reached by a few pure specs) parsed as TSX with React's automatic runtime, as Vite builds them.
const tsx = { ...swc, swcrc: false, jsc: { ...swc.jsc, parser: { ...swc.jsc.parser, tsx: true }, transform: { ...swc.jsc.transform, react: { runtime: 'automatic' } } } };
const transform = { '^.+\\.tsx$': ['@swc/jest', tsx], '^.+\\.(t|j|mj)sx?$': ['@swc/jest', { ...swc, swcrc: false }] };
// ESM-only packages that must be transformed rather than required as-is.
const esmPackages = ['@nestjs', 'file-type', 'load-esm', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer', 'uid', 'kdbush', 'geokdbush', 'flatbush', 'tinyqueue', 'flatqueue', '@turf', 'point-in-polygon-hao', 'robust-predicates', '@fastify/static', 'content-disposition'];
const transformIgnorePatterns = [`/node_modules/(?!(${esmPackages.join('|')})/)`];
const moduleNameMapper = {
  '^@beacon/domain$': '<rootDir>/../../libs/domain/src/index.ts',
  '^@beacon/geo$': '<rootDir>/../../libs/geo/src/index.ts',
  '^(\\.{1,2}/.*)\\.js$': '$1',
};
const common = { transform, transformIgnorePatterns, moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'], testEnvironment: 'node' };
module.exports = {
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'domain', rootDir: 'libs/domain', testMatch: ['<rootDir>/src/**/*.spec.ts'], moduleNameMapper },
    { ...common, displayName: 'geo', rootDir: 'libs/geo', testMatch: ['<rootDir>/src/**/*.spec.ts'], moduleNameMapper },
    // The console's pure logic (no DOM); its screens are covered by the browser tests.
    { ...common, displayName: 'console', rootDir: 'apps/console', testMatch: ['<rootDir>/src/**/*.spec.ts'], moduleNameMapper },
    {
      ...common, displayName: 'api', rootDir: 'apps/api', moduleNameMapper,
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
      setupFiles: ['reflect-metadata'],
    },
    {
      ...common, displayName: 'e2e', rootDir: 'test', testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
      moduleNameMapper: { ...moduleNameMapper, '^@beacon/domain$': '<rootDir>/../libs/domain/src/index.ts', '^@beacon/geo$': '<rootDir>/../libs/geo/src/index.ts' },
      globalSetup: '<rootDir>/../apps/api/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/../apps/api/src/testing/global-teardown.ts',
    },
  ],
};
