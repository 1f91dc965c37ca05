import { defineEvent } from '../shared/define-event';
import { AccountView, RegistryView } from './credits.accounts';
import { Article6ActionView } from './credits.article6';
import { IssuanceView, MovementView } from './credits.operations';
import { PendingIssuanceView } from './credits.pending-issuances';
import { ProjectView } from './credits.projects';

/** NATS subjects of credits-service (DESIGN §4): request/reply `credits.<aggregate>.<verb>`. */
export const CREDITS_RPC = {
  registry: { create: 'credits.registry.create', list: 'credits.registry.list' },
  account: {
    open: 'credits.account.open',
    list: 'credits.account.list',
    get: 'credits.account.get',
    listHistory: 'credits.account.list-history',
  },
  project: { register: 'credits.project.register', list: 'credits.project.list' },
  issuance: {
    create: 'credits.issuance.create',
    listPending: 'credits.issuance.list-pending',
    confirm: 'credits.issuance.confirm',
    reject: 'credits.issuance.reject',
  },
  transfer: { create: 'credits.transfer.create' },
  retirement: { create: 'credits.retirement.create' },
  cancellation: { create: 'credits.cancellation.create' },
  block: {
    list: 'credits.block.list',
    /** Public: a serial number back to its issuance and monitoring report (traceability, issue #11). */
    trace: 'credits.block.trace',
    authorise: 'credits.block.authorise',
    applyCorrespondingAdjustment: 'credits.block.apply-corresponding-adjustment',
  },
  targetProgress: { get: 'credits.target-progress.get' },
  ledger: { verify: 'credits.ledger.verify' },
  /** Anonymous: the registry totals the programme publishes. */
  publicSummary: { get: 'credits.public-summary.get' },
} as const;

/** Domain events of credits-service (`evt.` + type on the stream), each with the payload it carries. */
export const CREDITS_EVENTS = {
  registry: { created: defineEvent('credits.registry.created', RegistryView) },
  account: { opened: defineEvent('credits.account.opened', AccountView) },
  project: { registered: defineEvent('credits.project.registered', ProjectView) },
  block: {
    /** mrv/grants mark the monitoring obligation met; portfolio counts issued tCO2. */
    issued: defineEvent('credits.block.issued', IssuanceView),
    /** The Article 6 audit trail: authorisation and corresponding adjustment. */
    authorised: defineEvent('credits.block.authorised', Article6ActionView),
    correspondingAdjustmentApplied: defineEvent(
      'credits.block.corresponding-adjustment-applied',
      Article6ActionView,
    ),
  },
  transfer: { completed: defineEvent('credits.transfer.completed', MovementView) },
  retirement: { completed: defineEvent('credits.retirement.completed', MovementView) },
  cancellation: { completed: defineEvent('credits.cancellation.completed', MovementView) },
  issuance: {
    /** A verified monitoring report became a pending issuance awaiting the registry manager's confirmation. */
    prepared: defineEvent('credits.issuance.prepared', PendingIssuanceView),
    rejected: defineEvent('credits.issuance.rejected', PendingIssuanceView),
  },
} as const;
