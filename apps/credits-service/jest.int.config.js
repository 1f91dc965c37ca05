module.exports = {
  ...require('../../jest.int.preset.js'),
  displayName: 'credits-service:int',
  rootDir: __dirname,
};
