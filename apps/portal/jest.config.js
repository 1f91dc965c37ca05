// Component tests of the portal's pages in jsdom (zoneless, as the app runs), against HttpTestingController.
const { createCjsPreset } = require('jest-preset-angular/presets');
const { moduleNameMapper } = require('../../jest.preset.js');

module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  displayName: 'portal',
  rootDir: __dirname,
  moduleNameMapper,
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  testMatch: ['<rootDir>/src/**/?(*.)+(spec).ts'],
};
