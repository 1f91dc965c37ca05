import { randomUUID } from 'crypto';
import { connect, NatsConnection } from 'nats';
import {
  ApplicationSaved,
  ApplicationView,
  EventEnvelope,
  GRANTS_RPC,
  GrantCallView,
  JcmLeadView,
  PARTNERSHIP_EVENTS,
} from '@jcm/contracts';
import { DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { eventually, queryAs, signedEventHeaders, TEST_NATS_URL } from '@jcm/testing';
import { consortium, jcmCall, thaiPvChiller } from '../testing/grants-fixtures';
import { GrantsHarness } from '../testing/grants-harness';

describe('JCM leads from evt.partnership.jcm-lead.* stay linked to their application (real NATS + PostgreSQL)', () => {
  const h = new GrantsHarness();
  let nc: NatsConnection;
  const partnershipId = randomUUID();
  const leadId = randomUUID();
  const lead = (status: JcmLeadView['status'], updatedAt: string): JcmLeadView => ({
    id: leadId,
    partnershipId,
    contractId: null,
    titleJa: 'バンコクの工場への太陽光発電',
    titleEn: 'Solar PV for Bangkok factories',
    technology: 'SOLAR_PV',
    estimatedTco2PerYear: '12340',
    estimatedCostYen: 1_000_000_000,
    consortium: [],
    status,
    statusNote: null,
    createdAt: '2026-05-01T00:00:00.000Z',
    updatedAt,
  });
  let seq = 0;
  /** Publishes as partnership's relay would: numbered within the lead's history and signed by the producer. */
  const publish = async (type: string, data: JcmLeadView) => {
    const envelope: EventEnvelope = {
      eventId: randomUUID(),
      type,
      occurredAt: data.updatedAt,
      actor: { userId: null, orgId: null, orgType: 'MOE' },
      correlationId: null,
      aggregate: { id: leadId, seq: ++seq },
      data,
    };
    const subject = `${h.bus.prefix}.${type}`;
    const body = new TextEncoder().encode(JSON.stringify(envelope));
    await nc.jetstream().publish(subject, body, {
      headers: signedEventHeaders('partnership', subject, envelope.eventId, body),
    });
  };
  const statusOf = () =>
    queryAs<{ status: string }>(
      h.db.url,
      {},
      'SELECT status FROM grants.jcm_lead_projection WHERE lead_id = $1',
      [leadId],
    ).then((r) => r[0]?.status);

  beforeAll(async () => {
    await h.start();
    nc = await connect({ servers: TEST_NATS_URL });
    // grants' partnership projection as the partnership consumer would have left it (company = contractor)
    await inTenantTransaction(h.app.get(DATA_SOURCE), 'system', (m) =>
      m.query(
        `INSERT INTO grants.partnership_projection (partnership_id, title_ja, title_en, municipality, partner_city, participant_org_ids, source_event_id) VALUES ($1, 'x', 'x', '{}', '{}', $2, $3)`,
        [partnershipId, [h.org.company], randomUUID()],
      ),
    );
  });
  afterAll(async () => {
    await nc?.close();
    await h.stop();
  });

  it('links an application to a known lead, shows the lead’s latest status, ignores a stale event and refuses an unknown lead', async () => {
    let call = await h.call(GRANTS_RPC.call.create, h.as.gec, jcmCall([]), GrantCallView);
    call = await h.call(
      GRANTS_RPC.call.transition,
      h.as.gec,
      { id: call.id, action: 'publish' },
      GrantCallView,
    );
    const body = {
      callId: call.id,
      consortium: consortium(h.org.company, h.org.thai),
      content: thaiPvChiller(),
      jcmLeadId: leadId,
    };
    expect(await h.refusal(GRANTS_RPC.application.create, h.as.company, body)).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'jcmLeadId' }],
    });
    await publish(PARTNERSHIP_EVENTS.jcmLead.recorded.type, lead('feasibility', '2026-05-01T00:00:00.000Z'));
    await eventually(async () => ((await statusOf()) === 'feasibility' ? true : undefined));
    const { application } = await h.call(GRANTS_RPC.application.create, h.as.company, body, ApplicationSaved);
    expect(application.jcmLead).toMatchObject({ id: leadId, status: 'feasibility' });
    await publish(
      PARTNERSHIP_EVENTS.jcmLead.advanced.type,
      lead('jcm_subsidy_applied', '2026-05-03T00:00:00.000Z'),
    );
    await publish(PARTNERSHIP_EVENTS.jcmLead.advanced.type, lead('identified', '2026-05-02T00:00:00.000Z'));
    await eventually(async () => {
      const n = await queryAs<{ n: number }>(
        h.db.url,
        {},
        `SELECT count(*)::int AS n FROM grants.processed_event WHERE consumer = 'grants-service--partnership--jcm-lead'`,
      );
      return n[0].n === 3 ? true : undefined;
    });
    expect(
      (await h.call(GRANTS_RPC.application.get, h.as.company, { id: application.id }, ApplicationView))
        .jcmLead?.status,
    ).toBe('jcm_subsidy_applied');
    // another company sees neither the lead nor the application
    const rls = await queryAs<{ n: number }>(
      h.db.url,
      { role: h.config.dbRole, orgId: h.org.otherCompany, orgType: 'COMPANY' },
      'SELECT count(*)::int AS n FROM grants.jcm_lead_projection',
    );
    expect(rls[0].n).toBe(0);
  });
});
