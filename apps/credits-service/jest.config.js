module.exports = { ...require('../../jest.preset.js'), displayName: 'credits-service', rootDir: __dirname };
