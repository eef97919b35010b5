/** Unit tests sit beside the code (*.spec.ts); contract and e2e suites live in test/. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/projections', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.ts$': swc,
    // NestJS 12 ships ESM only; Jest can require() ESM only on Node 24.9+, so compile it for Node 20.
    '^.+/node_modules/.+\\.js$': '<rootDir>/test/e2e/support/esm-to-cjs.js',
  },
  transformIgnorePatterns: [
    '/node_modules/(typescript|@swc|jest[^/]*|@jest|better-sqlite3|@kurrent|@neon-rs|google-protobuf|protobufjs|@grpc)/',
  ],
  moduleNameMapper: {
    '^#domain$': '<rootDir>/libs/domain/src/index.ts',
    '^#event-store$': '<rootDir>/libs/event-store/src/index.ts',
    '^#read-store$': '<rootDir>/libs/read-store/src/index.ts',
    '^#crypto$': '<rootDir>/libs/crypto/src/index.ts',
    '^#audit$': '<rootDir>/libs/audit/src/index.ts',
    '^#application$': '<rootDir>/libs/application/src/index.ts',
    '^#runtime$': '<rootDir>/libs/runtime/src/index.ts',
    '^#projection-runtime$': '<rootDir>/libs/projection-runtime/src/index.ts',
    '^#journeys$': '<rootDir>/libs/journeys/src/index.ts',
    '^#import$': '<rootDir>/libs/import/src/index.ts',
    '^#sqlite$': '<rootDir>/libs/sqlite/src/index.ts',
    '^#testing$': '<rootDir>/libs/testing/src/index.ts',
    '^#projections$': '<rootDir>/projections/index.ts',
  },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
