module.exports = {
  ...require('../../jest.int.preset.js'),
  displayName: 'grants-service:int',
  rootDir: __dirname,
};
