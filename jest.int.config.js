// Every integration suite (real PostgreSQL + NATS), run in band so services never answer each other's requests.
const { jestProjects } = require('./tools/scripts/jest-projects');

module.exports = { projects: jestProjects('jest.int.config.js') };
