// Test-only: events as the producers publish them (payloads typed by, and parsed with, the producers' schemas).
import { randomUUID } from 'crypto';
import { connect } from 'nats';
import {
  AccountView,
  AnnualContractCreatedEvent,
  EventDefinition,
  EventEnvelope,
  IssuanceView,
  JcmLeadView,
  MonthlyReportView,
  MovementView,
  PartyRef,
  ProjectView,
} from '@jcm/contracts';
import { B5_BUDGET, B5_TOTAL_YEN, signedEventHeaders, TEST_NATS_URL, TestBus } from '@jcm/testing';
import * as z from 'zod';

const T0 = '2026-05-01T00:00:00.000Z';

/** Publishes one event onto the test's stream as a producer's outbox relay would (schema-checked first). */
export async function publishEvent<S extends z.ZodTypeAny>(
  bus: TestBus,
  def: EventDefinition<S>,
  data: z.infer<S>,
  occurredAt: string,
  aggregateId: string,
): Promise<void> {
  const envelope: EventEnvelope = {
    eventId: randomUUID(),
    type: def.type,
    occurredAt,
    actor: { userId: null, orgId: null, orgType: null },
    correlationId: null,
    aggregate: { id: aggregateId },
    data: def.schema.parse(data),
  };
  const nc = await connect({ servers: TEST_NATS_URL });
  try {
    const subject = `${bus.prefix}.${def.type}`;
    const body = new TextEncoder().encode(JSON.stringify(envelope));
    // Signed as the producing service (the type's first segment) signs it, or the consumer refuses it.
    const headers = signedEventHeaders(def.type.split('.')[0], subject, envelope.eventId, body);
    await nc.jetstream().publish(subject, body, { msgID: envelope.eventId, headers });
  } finally {
    await nc.close();
  }
}

export function contract(o: {
  partnershipId: string;
  company: PartyRef;
  municipality: PartyRef;
  partnerCity: PartyRef;
  amountYen: number;
  fiscalYear: number;
  state?: AnnualContractCreatedEvent['state'];
}): AnnualContractCreatedEvent {
  return {
    id: randomUUID(),
    proposalId: randomUUID(),
    callId: randomUUID(),
    partnershipId: o.partnershipId,
    fiscalYear: o.fiscalYear,
    titleJa: `${o.municipality.nameJa}・${o.partnerCity.nameJa}`,
    titleEn: `${o.municipality.nameEn}–${o.partnerCity.nameEn}`,
    company: o.company,
    municipality: o.municipality,
    partnerCity: o.partnerCity,
    requestedYen: o.amountYen,
    contractAmountYen: o.amountYen,
    budgetLines: B5_BUDGET,
    budget: {
      subtotalExclTaxYen: 18_150_000,
      consumptionTaxYen: 1_815_000,
      totalInclTaxYen: B5_TOTAL_YEN,
      outsourcingLimitYen: 6_050_000,
      capInclTaxYen: 20_000_000,
    },
    startDate: `${o.fiscalYear}-05-01`,
    endDate: `${o.fiscalYear + 1}-03-10`,
    state: o.state ?? 'contracted',
    amountHistory: [],
    createdAt: T0,
    monthlyReports: 10,
  };
}

export function monthlyReport(
  contractId: string,
  month: string,
  dueDate: string,
  state: MonthlyReportView['state'],
): MonthlyReportView {
  return {
    id: randomUUID(),
    contractId,
    month,
    dueDate,
    state,
    progressText: '',
    upcoming: [],
    returnComment: null,
    overdue: false,
    submittedAt: state === 'draft' ? null : T0,
    acknowledgedAt: state === 'acknowledged' ? T0 : null,
    updatedAt: T0,
  };
}

export function jcmLead(partnershipId: string): JcmLeadView {
  return {
    id: randomUUID(),
    partnershipId,
    contractId: null,
    titleJa: '廃棄物発電',
    titleEn: 'Waste to energy',
    technology: 'waste-to-energy',
    estimatedTco2PerYear: '5000.5',
    estimatedCostYen: 800_000_000,
    status: 'identified',
    statusNote: null,
    consortium: [],
    createdAt: T0,
    updatedAt: T0,
  };
}

export function project(
  partnerCountry: string,
  methodology: string,
  participantOrgIds: string[],
): ProjectView {
  return {
    id: randomUUID(),
    reference: `${partnerCountry}001`,
    partnerCountry,
    titleEn: 'Solar PV',
    titleJa: null,
    methodology,
    participantOrgIds,
    subsidised: true,
    governmentShare: '0.5',
    issuedUnits: '0',
    createdAt: T0,
  };
}

export function issuance(
  projectId: string,
  vintage: number,
  quantity: string,
  governmentQuantity: string,
): IssuanceView {
  return {
    id: randomUUID(),
    projectId,
    projectReference: 'TH001',
    registry: 'JP',
    vintage,
    monitoringPeriod: { start: `${vintage}-01-01`, end: `${vintage}-12-31` },
    jointCommitteeDecisionRef: 'JC-1',
    quantity,
    governmentQuantity,
    participantQuantity: String(BigInt(quantity) - BigInt(governmentQuantity)),
    blocks: [],
    journalSeq: '1',
    createdAt: T0,
  };
}

export function account(ownerOrgId: string, registry = 'JP'): AccountView {
  return {
    id: randomUUID(),
    accountNumber: 'JP-100-1',
    registry,
    type: 'ENTITY_HOLDING',
    ownerOrgId,
    holderName: 'Holder',
    balance: '0',
    version: 0,
    createdAt: T0,
  };
}

export function retirement(fromAccountId: string, quantity: string): MovementView {
  return {
    id: randomUUID(),
    kind: 'RETIREMENT',
    fromAccountId,
    toAccountId: randomUUID(),
    toAccountNumber: 'JP-900-1',
    quantity,
    serials: [],
    retirement: { purpose: 'NDC_ACHIEVEMENT', beneficiary: 'Japan', note: null },
    cancellationReason: null,
    journalSeq: '2',
    journalHash: 'h',
    createdAt: T0,
  };
}
