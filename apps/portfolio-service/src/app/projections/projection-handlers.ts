import { EntityManager } from 'typeorm';
import * as z from 'zod';
import {
  CREDITS_EVENTS,
  EventDefinition,
  EventEnvelope,
  MRV_EVENTS,
  PARTNERSHIP_EVENTS,
} from '@jcm/contracts';
import { EventHandler } from '@jcm/service-kit';
import { inheritTenancy, upsertNewest } from './projection-sql';

/** One entry of the handler table: an event definition and what its (schema-checked) payload does. */
interface Projector<S extends z.ZodTypeAny> {
  event: EventDefinition<S>;
  apply(payload: z.infer<S>, m: EntityManager, asOf: string): Promise<void>;
}

function on<S extends z.ZodTypeAny>(
  event: EventDefinition<S>,
  apply: (payload: z.infer<S>, m: EntityManager, asOf: string) => Promise<void>,
): Projector<S> {
  return { event, apply };
}

const CONTRACT_CHILDREN = { table: 'monthly_report', fk: 'contract_id' } as const;
const CONTRACT = { table: 'contract', key: 'contract_id' } as const;

const partnership = on(PARTNERSHIP_EVENTS.partnership.created, async (p, m, asOf) => {
  await upsertNewest(
    m,
    'partnership',
    ['partnership_id'],
    {
      partnership_id: p.id,
      title_ja: p.titleJa,
      title_en: p.titleEn,
      municipality: p.municipality,
      partner_city: p.partnerCity,
      partner_country: p.partnerCity.country,
      participant_org_ids: [p.municipality.orgId, p.partnerCity.orgId],
      as_of: asOf,
    },
    ['participant_org_ids'],
  );
  await addParticipants(m, p.id, [p.municipality.orgId, p.partnerCity.orgId]);
});

const PARTNERSHIP_LEADS = [
  { table: 'jcm_lead', fk: 'partnership_id' },
  { table: 'partnership', key: 'partnership_id' },
] as const;

/** Merges participants into the pair's set (a union, so created/participant-added commute). */
async function addParticipants(
  m: EntityManager,
  partnershipId: string,
  orgIds: readonly string[],
): Promise<void> {
  // A participant-added that overtakes its created leaves a placeholder (as_of -infinity) the created overwrites.
  await m.query(
    `INSERT INTO portfolio.partnership AS t
       (partnership_id, title_ja, title_en, municipality, partner_city, partner_country, participant_org_ids, as_of)
     VALUES ($1, '', '', '{}', '{}', '', $2::uuid[], '-infinity')
     ON CONFLICT (partnership_id) DO UPDATE SET participant_org_ids =
       (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(t.participant_org_ids || $2::uuid[]) x)`,
    [partnershipId, orgIds],
  );
  await inheritTenancy(m, ...PARTNERSHIP_LEADS, partnershipId);
}

const participantAdded = on(PARTNERSHIP_EVENTS.partnership.participantAdded, (e, m) =>
  addParticipants(m, e.partnershipId, e.participantOrgIds),
);

/** Every contract event carries the whole 単年度契約, so each one is the same upsert. */
const contractProjectors = Object.values(PARTNERSHIP_EVENTS.annualContract).map((def) =>
  on(def, async (c, m, asOf) => {
    await upsertNewest(m, 'contract', ['contract_id'], {
      contract_id: c.id,
      partnership_id: c.partnershipId,
      fiscal_year: c.fiscalYear,
      title_ja: c.titleJa,
      title_en: c.titleEn,
      company: c.company,
      municipality: c.municipality,
      partner_city: c.partnerCity,
      contract_amount_yen: String(c.contractAmountYen),
      state: c.state,
      participant_org_ids: [c.company.orgId, c.municipality.orgId, c.partnerCity.orgId],
      as_of: asOf,
    });
    await inheritTenancy(m, CONTRACT_CHILDREN, CONTRACT, c.id);
  }),
);

/** 月次報告: every event carries the whole report; its tenancy is its contract's. */
const monthlyReportProjectors = Object.values(PARTNERSHIP_EVENTS.monthlyReport).map((def) =>
  on(def, async (r, m, asOf) => {
    await upsertNewest(m, 'monthly_report', ['report_id'], {
      report_id: r.id,
      contract_id: r.contractId,
      month: r.month,
      due_date: r.dueDate,
      state: r.state,
      submitted_at: r.submittedAt,
      acknowledged_at: r.acknowledgedAt,
      as_of: asOf,
    });
    await inheritTenancy(m, CONTRACT_CHILDREN, CONTRACT, r.contractId);
  }),
);

/** JCM案件: a lead found by a city partnership (the pipeline's second stage). */
const leadProjectors = Object.values(PARTNERSHIP_EVENTS.jcmLead).map((def) =>
  on(def, async (l, m, asOf) => {
    await upsertNewest(m, 'jcm_lead', ['lead_id'], {
      lead_id: l.id,
      partnership_id: l.partnershipId,
      title_ja: l.titleJa,
      title_en: l.titleEn,
      technology: l.technology,
      status: l.status,
      estimated_tco2_per_year: l.estimatedTco2PerYear,
      estimated_cost_yen: String(l.estimatedCostYen),
      as_of: asOf,
    });
    await inheritTenancy(m, ...PARTNERSHIP_LEADS, l.partnershipId);
  }),
);

const PROJECT_CHILDREN = { table: 'issuance', fk: 'project_id' } as const;
const PROJECT = { table: 'credit_project', key: 'project_id' } as const;

const creditProject = on(CREDITS_EVENTS.project.registered, async (p, m, asOf) => {
  await upsertNewest(m, 'credit_project', ['project_id'], {
    project_id: p.id,
    reference: p.reference,
    partner_country: p.partnerCountry,
    methodology: p.methodology,
    participant_org_ids: p.participantOrgIds,
    as_of: asOf,
  });
  await inheritTenancy(m, PROJECT_CHILDREN, PROJECT, p.id);
});

/** 発行: quantities are whole tonnes as decimal strings, stored as numeric (no float on the way). */
const issued = on(CREDITS_EVENTS.block.issued, async (i, m, asOf) => {
  await upsertNewest(m, 'issuance', ['issuance_id'], {
    issuance_id: i.id,
    project_id: i.projectId,
    registry: i.registry,
    vintage: i.vintage,
    quantity: i.quantity,
    government_quantity: i.governmentQuantity,
    as_of: asOf,
  });
  await inheritTenancy(m, PROJECT_CHILDREN, PROJECT, i.projectId);
});

const ACCOUNT_CHILDREN = { table: 'retirement', fk: 'from_account_id' } as const;
const ACCOUNT = { table: 'credit_account', key: 'account_id' } as const;

const accountOpened = on(CREDITS_EVENTS.account.opened, async (a, m, asOf) => {
  await upsertNewest(m, 'credit_account', ['account_id'], {
    account_id: a.id,
    registry: a.registry,
    owner_org_id: a.ownerOrgId,
    participant_org_ids: [a.ownerOrgId],
    as_of: asOf,
  });
  await inheritTenancy(m, ACCOUNT_CHILDREN, ACCOUNT, a.id);
});

/** 償却: attributed to the registry (country) and owner of the account the credits left. */
const retired = on(CREDITS_EVENTS.retirement.completed, async (r, m, asOf) => {
  await upsertNewest(m, 'retirement', ['movement_id'], {
    movement_id: r.id,
    from_account_id: r.fromAccountId,
    quantity: r.quantity,
    as_of: asOf,
  });
  await inheritTenancy(m, ACCOUNT_CHILDREN, ACCOUNT, r.fromAccountId);
});

/**
 * The handler table, by producing service (the durable consumer's source). Adding an event is one entry here;
 * grants and MRV stages go into `pipeline_record` through {@link pipelineStage} once their events exist on main.
 */
export const PROJECTORS: Record<string, readonly Projector<z.ZodTypeAny>[]> = {
  partnership: [
    partnership,
    participantAdded,
    ...contractProjectors,
    ...monthlyReportProjectors,
    ...leadProjectors,
  ],
  credits: [creditProject, issued, accountOpened, retired],
  // 検証: the TPE's verified emission reductions (the event names no project participants: MOE, secretariat and the TPE see it).
  mrv: [
    pipelineStage(MRV_EVENTS.monitoringReport.verified, 'verified', (v) => ({
      recordId: v.reportId,
      partnershipId: null,
      yen: '0',
      tco2: v.verifiedEmissionReductions,
      participantOrgIds: [v.tpeOrgId],
    })),
  ],
};

/** A pipeline stage of another service (grants: application/adopted/decided; mrv: registered/verified). */
export function pipelineStage<S extends z.ZodTypeAny>(
  event: EventDefinition<S>,
  stage: string,
  map: (payload: z.infer<S>) => {
    recordId: string;
    partnershipId: string | null;
    yen: string;
    tco2: string;
    participantOrgIds: string[];
  },
): Projector<S> {
  return on(event, async (payload, m, asOf) => {
    const r = map(payload);
    await upsertNewest(m, 'pipeline_record', ['stage', 'record_id'], {
      stage,
      record_id: r.recordId,
      partnership_id: r.partnershipId,
      yen: r.yen,
      tco2: r.tco2,
      participant_org_ids: r.participantOrgIds,
      as_of: asOf,
    });
  });
}

/** The table as the consumer wants it: event type → handler that parses the payload with its schema first. */
export function handlersFor(source: string): Record<string, EventHandler> {
  const out: Record<string, EventHandler> = {};
  for (const p of PROJECTORS[source] ?? []) {
    out[p.event.type] = (event: EventEnvelope, m: EntityManager) =>
      p.apply(p.event.schema.parse(event.data), m, event.occurredAt);
  }
  return out;
}

export const PROJECTED_SOURCES = Object.keys(PROJECTORS);
