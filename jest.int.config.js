// Every integration suite (real PostgreSQL + NATS), run in band so services never answer each other's requests.
// testTimeout must sit here: in a multi-project run jest ignores it in the project configs (hooks included).
const { jestProjects } = require('./tools/scripts/jest-projects');

module.exports = { projects: jestProjects('jest.int.config.js'), testTimeout: 60000 };
