// Benchmarks (*.bench.ts): the shared SWC transform and @jcm/* aliases, but matched only here, never by the unit
// (jest.config.js: *.spec.ts) or integration (jest.int.config.js: *.int-spec.ts) runs. Not part of pass/fail.
const base = require('../../jest.preset.js');
module.exports = {
  ...base,
  displayName: 'bench',
  rootDir: __dirname,
  testMatch: ['**/*.bench.ts'],
  testTimeout: 30 * 60_000,
};
