import { GATEWAY_ROUTES } from './gateway-routes';

/**
 * Issue #13 finding 5: every signed-in POST that creates a record (201) or moves yen or tonnes declares
 * `idempotencyKey`, so its service de-duplicates a retried command (service-kit `runIdempotent`).
 */
describe('idempotency is declared on every creating mutation', () => {
  /** Creating POSTs whose retry is harmless by construction (documented on the route). */
  const naturallyIdempotent = new Set([
    'POST /api/v1/partnerships/:id/participants', // adding a participant twice is a no-op
  ]);

  it('declares idempotencyKey on every 201 POST of a signed-in user', () => {
    const missing = GATEWAY_ROUTES.filter(
      (r) => r.method === 'POST' && r.status === 201 && r.auth !== 'public' && !r.idempotencyKey,
    )
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !naturallyIdempotent.has(r));
    expect(missing).toEqual([]);
  });

  it('declares it on the routes that create what issue #13 found duplicated', () => {
    const declared = new Set(
      GATEWAY_ROUTES.filter((r) => r.idempotencyKey).map((r) => `${r.method} ${r.path}`),
    );
    for (const path of [
      'POST /api/v1/partnerships',
      'POST /api/v1/proposals',
      'POST /api/v1/interest-letters',
      'POST /api/v1/partnerships/:id/jcm-leads',
      'POST /api/v1/contracts/:id/report-meetings',
      'POST /api/v1/contracts/:id/settlement-reports',
      'POST /api/v1/contracts/:id/reduce',
      'POST /api/v1/credits/transfers',
    ])
      expect([path, declared.has(path)]).toEqual([path, true]);
  });
});
