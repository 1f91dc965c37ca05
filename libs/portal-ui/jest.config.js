// Angular component tests in jsdom (zoneless, like the portal), with the @jcm/* aliases of the other projects.
const { createCjsPreset } = require('jest-preset-angular/presets');
const { moduleNameMapper } = require('../../jest.preset.js');

module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  displayName: 'portal-ui',
  rootDir: __dirname,
  moduleNameMapper,
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  testMatch: ['**/?(*.)+(spec).ts'],
};
