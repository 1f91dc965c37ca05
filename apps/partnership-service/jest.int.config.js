module.exports = {
  ...require('../../jest.int.preset.js'),
  displayName: 'partnership-service:int',
  rootDir: __dirname,
};
