// `npm run bench` (run-bench.mjs): the shared SWC transform and @jcm/* aliases, running only the bench runner, which
// discovers the benchmark modules (*.bench.ts) itself. Neither the unit (*.spec.ts) nor the integration
// (*.int-spec.ts) configs match anything here: benchmarks are not part of pass/fail.
const base = require('../../jest.preset.js');
module.exports = {
  ...base,
  displayName: 'bench',
  rootDir: __dirname,
  testMatch: ['<rootDir>/bench.runner.ts'],
  testTimeout: 15 * 60_000,
};
