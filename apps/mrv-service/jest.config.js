module.exports = { ...require('../../jest.preset.js'), displayName: 'mrv-service', rootDir: __dirname };
