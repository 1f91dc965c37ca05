module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'partnership-service',
  rootDir: __dirname,
};
