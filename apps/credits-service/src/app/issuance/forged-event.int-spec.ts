import { randomUUID } from 'crypto';
import { connect, NatsConnection } from 'nats';
import {
  CREDITS_RPC,
  EventEnvelope,
  MonitoringReportVerifiedEvent,
  MRV_EVENTS,
  PendingIssuancePage,
} from '@jcm/contracts';
import { eventually, queryAs, signedEventHeaders, TEST_NATS_URL } from '@jcm/testing';
import { CreditsWorld, startCreditsWorld, stopCreditsWorld } from '../../testing/credits-world';

/**
 * Issue #13 item 2, events: credits issues from `mrv.monitoring-report.verified`, so an event that any NATS client
 * could publish would mint credits. The consumer applies only events signed by mrv-service's key.
 */
describe('credits-service applies only events signed by their producer (real NATS)', () => {
  let w: CreditsWorld;
  let nc: NatsConnection;

  const event = (): EventEnvelope => ({
    eventId: randomUUID(),
    type: MRV_EVENTS.monitoringReport.verified.type,
    occurredAt: new Date().toISOString(),
    actor: { userId: randomUUID(), orgId: randomUUID(), orgType: 'TPE' },
    correlationId: null,
    data: {
      reportId: randomUUID(),
      projectReference: 'MN001',
      monitoringPeriod: { start: '2024-01-01', end: '2024-12-31' },
      verifiedEmissionReductions: '999999',
      tpeOrgId: randomUUID(),
      verificationDate: '2025-03-10',
    } satisfies MonitoringReportVerifiedEvent,
  });

  beforeAll(async () => {
    w = await startCreditsWorld();
    nc = await connect({ servers: TEST_NATS_URL });
  });

  afterAll(async () => {
    await nc?.close();
    await stopCreditsWorld(w);
  });

  it('terminates unsigned, wrongly signed and altered events, and applies the signed one', async () => {
    const subject = `${w.bus.prefix}.${MRV_EVENTS.monitoringReport.verified.type}`;
    const js = nc.jetstream();
    const encode = (e: EventEnvelope) => new TextEncoder().encode(JSON.stringify(e));
    const unsigned = event();
    await js.publish(subject, encode(unsigned));
    const byPartnership = event();
    await js.publish(subject, encode(byPartnership), {
      headers: signedEventHeaders('partnership', subject, byPartnership.eventId, encode(byPartnership)),
    });
    const altered = event();
    const headers = signedEventHeaders('mrv', subject, altered.eventId, encode(altered));
    await js.publish(
      subject,
      encode({ ...altered, data: { ...(altered.data as object), verifiedEmissionReductions: '99999999' } }),
      { headers },
    );
    const genuine = event();
    await js.publish(subject, encode(genuine), {
      headers: signedEventHeaders('mrv', subject, genuine.eventId, encode(genuine)),
    });

    const page = await eventually(async () => {
      const p = await w
        .call(CREDITS_RPC.issuance.listPending, w.ctx.moe, {}, PendingIssuancePage)
        .catch(() => undefined);
      return p && p.total > 0 ? p : undefined;
    });
    expect(page.items.map((i) => i.sourceEventId)).toEqual([genuine.eventId]);
    const processed = await queryAs<{ event_id: string }>(
      w.db.url,
      {},
      `SELECT event_id FROM credits.processed_event`,
    );
    expect(processed.map((r) => r.event_id)).toEqual([genuine.eventId]);
  });
});
