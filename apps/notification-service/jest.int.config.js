module.exports = {
  ...require('../../jest.int.preset.js'),
  displayName: 'notification-service:int',
  rootDir: __dirname,
};
