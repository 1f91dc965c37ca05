export * from './lib/test-database';
export * from './lib/test-services';
export * from './lib/nats-server';
