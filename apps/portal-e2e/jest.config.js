// Portal end-to-end: the whole stack started exactly as `npm start` does, driven in Debian's Chromium.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'portal-e2e',
  rootDir: __dirname,
  testMatch: ['**/?(*.)+(e2e-spec).ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60000,
};
