import {
  AddPartnershipParticipantRequest,
  CreatePartnershipRequest,
  CreateTransferCommand,
  CreateIssuanceCommand,
  CreateRetirementCommand,
  CreateCancellationCommand,
  ListPartnershipsQuery,
  LoginRequest,
  LoginResponse,
  MeResponse,
  MovementView,
  IssuanceView,
  PartnershipPage,
  PartnershipTimeline,
  PartnershipView,
  PublicSummary,
  UpdatePartnershipAgreementRequest,
} from '@jcm/contracts';
import { RouteDoc } from './openapi';

const P = '/api/v1';

/** Contracts of the routes people integrate with first; every other route is still listed from its decorators. */
export const ROUTE_DOCS: Record<string, RouteDoc> = {
  [`POST ${P}/auth/login`]: { summary: 'Sign in (returns a bearer token)', body: LoginRequest, response: LoginResponse, public: true },
  [`GET ${P}/me`]: { summary: 'Who am I: user, organisation, role', response: MeResponse },
  [`GET ${P}/health`]: { summary: 'PostgreSQL and NATS of the gateway and every service', public: true },
  [`GET ${P}/partnerships`]: { summary: '都市間連携 city pairs visible to the caller', query: ListPartnershipsQuery, response: PartnershipPage },
  [`POST ${P}/partnerships`]: { summary: 'Register a city pair', body: CreatePartnershipRequest, response: PartnershipView },
  [`GET ${P}/partnerships/{id}`]: { summary: 'One city pair (404 when not visible)', response: PartnershipView },
  [`POST ${P}/partnerships/{id}/participants`]: { summary: 'Add the contractor or another participant', body: AddPartnershipParticipantRequest, response: PartnershipView },
  [`GET ${P}/partnerships/{id}/timeline`]: { summary: 'Agreement, years and the 7-year rule', response: PartnershipTimeline },
  [`PATCH ${P}/partnerships/{id}/agreement`]: { summary: 'Record the agreement and earlier years', body: UpdatePartnershipAgreementRequest, response: PartnershipTimeline },
  [`GET ${P}/calculators`]: { summary: 'Public calculators and the presets they apply', public: true },
  [`POST ${P}/calculators/{name}`]: { summary: 'Run a public calculator (jcm-subsidy, c3p-budget, …): figures and cited findings', public: true },
  [`POST ${P}/credits/issuances`]: { summary: 'Record an issuance (registry manager; Idempotency-Key)', body: CreateIssuanceCommand, response: IssuanceView },
  [`POST ${P}/credits/transfers`]: { summary: 'Transfer credits (Idempotency-Key)', body: CreateTransferCommand, response: MovementView },
  [`POST ${P}/credits/retirements`]: { summary: 'Retire credits (Idempotency-Key)', body: CreateRetirementCommand, response: MovementView },
  [`POST ${P}/credits/cancellations`]: { summary: 'Cancel credits (Idempotency-Key)', body: CreateCancellationCommand, response: MovementView },
  [`GET ${P}/credits/public/summary`]: { summary: 'Public registry totals (no holder data)', response: PublicSummary, public: true },
};
