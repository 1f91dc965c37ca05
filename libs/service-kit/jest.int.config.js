module.exports = {
  ...require('../../jest.int.preset.js'),
  displayName: 'service-kit:int',
  rootDir: __dirname,
};
