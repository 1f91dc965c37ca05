module.exports = { ...require('../../jest.int.preset.js'), displayName: 'gateway:int', rootDir: __dirname };
