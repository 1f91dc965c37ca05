module.exports = { ...require('../../jest.preset.js'), displayName: 'portfolio-service', rootDir: __dirname };
