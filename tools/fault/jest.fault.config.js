// Fault-injection suite (*.fault-spec.ts, issue #14): its own nats-server and PostgreSQL cluster on spare ports and
// the built platform (dist/), never the shared servers. A separate step of `npm test` (after `build`), not matched
// by the unit (*.spec.ts) or integration (*.int-spec.ts) runs.
const base = require('../../jest.preset.js');
module.exports = {
  ...base,
  displayName: 'fault',
  rootDir: __dirname,
  testMatch: ['**/*.fault-spec.ts'],
  testTimeout: 7 * 60_000,
};
