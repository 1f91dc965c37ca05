// Integration tests (*.int-spec.ts) talk to the real PostgreSQL and NATS: one worker, longer timeout.
const base = require('./jest.preset.js');
module.exports = { ...base, testMatch: ['**/?(*.)+(int-spec).ts'], testTimeout: 60000 };
