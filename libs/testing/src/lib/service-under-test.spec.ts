import { loadServiceUnderTest, TestableService } from './service-under-test';

describe('loadServiceUnderTest (services booted by name for cross-service integration tests)', () => {
  it.each<[TestableService, string]>([
    ['partnership-service', 'partnership'],
    ['credits-service', 'credits'],
  ])(
    'finds %s by its src/testing/service-under-test.ts, with its schema and migrations',
    async (service, schema) => {
      const definition = await loadServiceUnderTest(service);
      expect(definition).toMatchObject({ service, schema });
      expect(definition.migrations.length).toBeGreaterThan(0);
      expect(typeof definition.module).toBe('function');
    },
  );

  it('names the file to create when a service has no definition', async () => {
    await expect(loadServiceUnderTest('no-such-service' as TestableService)).rejects.toThrow(
      /no-such-service\/src\/testing\/service-under-test.ts must export serviceUnderTest/,
    );
  });
});
