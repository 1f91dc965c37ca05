module.exports = { ...require('../../jest.preset.js'), displayName: 'grants-service', rootDir: __dirname };
