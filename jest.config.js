// All unit-test projects in one run (npm test counts them together). Integration and e2e have their own configs.
const { jestProjects } = require('./tools/scripts/jest-projects');

module.exports = { projects: jestProjects('jest.config.js', ['apps/portal-e2e']) };
