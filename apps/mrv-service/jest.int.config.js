module.exports = {
  ...require('../../jest.int.preset.js'),
  displayName: 'mrv-service:int',
  rootDir: __dirname,
};
