import { AUTH_ROUTES } from '../auth/auth.routes';
import { CALCULATOR_ROUTES } from '../calculators/calculators.routes';
import { CREDIT_ROUTES } from '../credits/credits.routes';
import { DOCS_ROUTES } from '../docs/docs.routes';
import { GRANT_APPLICATION_ROUTES } from '../grants/grant-applications.routes';
import { GRANT_CALL_ROUTES } from '../grants/grant-calls.routes';
import { HEALTH_ROUTES } from '../health/health.routes';
import { MRV_FINDING_ROUTES } from '../mrv/mrv-findings.routes';
import { MRV_METHODOLOGY_ROUTES, MRV_PROJECT_ROUTES } from '../mrv/mrv-projects.routes';
import { MRV_ROUTES } from '../mrv/mrv.routes';
import { TRACE_ROUTES } from '../mrv/trace.routes';
import { ORGANISATION_ROUTES } from '../organisations/organisations.routes';
import { PARTNERSHIP_ROUTES } from '../partnerships/partnerships.routes';
import { CALL_ROUTES } from '../programme/calls.routes';
import { CONTRACT_ROUTES } from '../programme/contracts.routes';
import { DELIVERABLE_ROUTES } from '../programme/deliverables.routes';
import { INTEREST_LETTER_ROUTES } from '../programme/interest-letters.routes';
import { JCM_LEAD_ROUTES } from '../programme/jcm-leads.routes';
import { MONTHLY_REPORT_ROUTES } from '../programme/monthly-reports.routes';
import { PROPOSAL_ROUTES } from '../programme/proposals.routes';
import { REPORT_MEETING_ROUTES } from '../programme/report-meetings.routes';
import { SETTLEMENT_REPORT_ROUTES } from '../programme/settlement-reports.routes';
import { GatewayRoute, RouteArea } from './route';
import { routesController } from './routes-controller';

/** Every route table of the gateway, in mounting order; adding a route is one entry in its area's table. */
export const GATEWAY_ROUTE_AREAS: RouteArea[] = [
  AUTH_ROUTES,
  CALCULATOR_ROUTES,
  CREDIT_ROUTES,
  HEALTH_ROUTES,
  MRV_ROUTES,
  MRV_METHODOLOGY_ROUTES,
  MRV_PROJECT_ROUTES,
  MRV_FINDING_ROUTES,
  TRACE_ROUTES,
  ORGANISATION_ROUTES,
  PARTNERSHIP_ROUTES,
  CALL_ROUTES,
  PROPOSAL_ROUTES,
  CONTRACT_ROUTES,
  MONTHLY_REPORT_ROUTES,
  INTEREST_LETTER_ROUTES,
  JCM_LEAD_ROUTES,
  REPORT_MEETING_ROUTES,
  SETTLEMENT_REPORT_ROUTES,
  DELIVERABLE_ROUTES,
  GRANT_CALL_ROUTES,
  GRANT_APPLICATION_ROUTES,
  DOCS_ROUTES,
];

/** Every HTTP route (method, path, auth, schemas, NATS subject): what `/api/docs` shows and tests iterate. */
export const GATEWAY_ROUTES: readonly GatewayRoute[] = GATEWAY_ROUTE_AREAS.flatMap((a) => a.routes);

/** One Nest controller per area, built from its table. */
export const GATEWAY_CONTROLLERS = GATEWAY_ROUTE_AREAS.map(routesController);
