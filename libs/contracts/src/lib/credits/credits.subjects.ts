/**
 * NATS subjects of credits-service (DESIGN §4): `credits.<aggregate>.<verb>` for request/reply, and event types
 * (without the stream prefix) `credits.<aggregate>.<past>`. Kept here rather than in shared/subjects.ts so the
 * registry's vocabulary lives in one folder.
 */
export const CREDITS_RPC = {
  registry: { create: 'credits.registry.create', list: 'credits.registry.list' },
  account: {
    open: 'credits.account.open',
    list: 'credits.account.list',
    get: 'credits.account.get',
    history: 'credits.account.history',
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
    authorise: 'credits.block.authorise',
    correspondingAdjustment: 'credits.block.corresponding-adjustment',
  },
  progress: { targets: 'credits.progress.targets' },
  ledger: { verify: 'credits.ledger.verify' },
  public: { summary: 'credits.public.summary' },
} as const;

export const CREDITS_EVENTS = {
  registryCreated: 'credits.registry.created',
  accountOpened: 'credits.account.opened',
  projectRegistered: 'credits.project.registered',
  blockIssued: 'credits.block.issued',
  transferCompleted: 'credits.transfer.completed',
  retirementCompleted: 'credits.retirement.completed',
  cancellationCompleted: 'credits.cancellation.completed',
  blockAuthorised: 'credits.block.authorised',
  correspondingAdjustmentApplied: 'credits.block.corresponding-adjustment-applied',
  issuancePending: 'credits.issuance.pending',
  issuanceRejected: 'credits.issuance.rejected',
} as const;
