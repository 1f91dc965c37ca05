export * from './lib/test-database';
export * from './lib/test-services';
export * from './lib/service-under-test';
export * from './lib/fixtures/programme-fixtures';
export * from './lib/platform-stack';
export * from './lib/nats-server';
