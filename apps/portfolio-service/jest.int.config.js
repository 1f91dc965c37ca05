module.exports = {
  ...require('../../jest.int.preset.js'),
  displayName: 'portfolio-service:int',
  rootDir: __dirname,
};
