import { EntityManager } from 'typeorm';
import {
  AccountType,
  canMoveCreditsFrom,
  CreditBlockStatus,
  DomainError,
  HOLDING_ACCOUNT_TYPES,
  MovementKind,
  MovementView,
  RequestContext,
} from '@jcm/contracts';
import {
  applyBalances,
  elevateToSystem,
  JournalLine,
  lockAccounts,
  moveUnits,
  newOperationId,
  postJournalEntry,
} from './credit-ledger';
import { CanonicalValue } from './journal-hash';

/** Where a movement goes: a named holding account (transfer), or the registry's own account of a type. */
export type MovementTarget =
  { accountNumber: string } | { registryAccountType: Extract<AccountType, 'RETIREMENT' | 'CANCELLATION'> };

export interface MovementRequest {
  kind: MovementKind;
  fromAccountId: string;
  target: MovementTarget;
  quantity: bigint;
  expectedFromVersion?: number;
  meta: Record<string, CanonicalValue>;
}

const STATUS_AFTER: Record<MovementKind, CreditBlockStatus> = {
  TRANSFER: 'ACTIVE',
  RETIREMENT: 'RETIRED',
  CANCELLATION: 'CANCELLED',
};

/**
 * One transfer, retirement or cancellation, inside the caller's transaction:
 * 1. under the caller's RLS scope, the source account must be visible, and the caller must hold it;
 * 2. elevated (the recipient is another tenant), resolve the target and lock both accounts in id order;
 * 3. refuse anything that is not holding → holding/retirement/cancellation in the same registry, a stale version,
 *    or more than the balance; then move blocks, apply balances, and append the journal entry.
 */
export async function executeMovement(
  m: EntityManager,
  ctx: RequestContext,
  req: MovementRequest,
): Promise<Omit<MovementView, 'retirement' | 'cancellationReason'>> {
  const [source]: { owner_org_id: string }[] = await m.query(
    `SELECT owner_org_id FROM credits.account WHERE id = $1`,
    [req.fromAccountId],
  );
  if (!source) throw new DomainError('NOT_FOUND', `Account ${req.fromAccountId} not found`);
  if (!canMoveCreditsFrom(ctx, source.owner_org_id)) {
    throw new DomainError('FORBIDDEN', 'Only the account holder (editor or admin) moves credits out of it.');
  }
  await elevateToSystem(m);
  const targetId = await resolveTarget(m, req);
  if (targetId === req.fromAccountId)
    throw new DomainError('RULE_VIOLATION', 'Source and destination are the same account.');
  const accounts = await lockAccounts(m, [req.fromAccountId, targetId]);
  const from = accounts.get(req.fromAccountId);
  const to = accounts.get(targetId);
  if (!from || !to) throw new DomainError('NOT_FOUND', 'Account not found');
  if (!HOLDING_ACCOUNT_TYPES.includes(from.type)) {
    throw new DomainError('RULE_VIOLATION', `Credits in a ${from.type} account never move again.`);
  }
  if (req.kind === 'TRANSFER' && !HOLDING_ACCOUNT_TYPES.includes(to.type)) {
    throw new DomainError(
      'RULE_VIOLATION',
      'A transfer goes to a holding account; retire or cancel through their own operations.',
    );
  }
  // A transfer to another side's registry is an international transfer (first transfer under Article 6), not this.
  if (from.registry !== to.registry)
    throw new DomainError('RULE_VIOLATION', 'Both accounts must be in the same registry.');
  if (req.expectedFromVersion !== undefined && req.expectedFromVersion !== from.version) {
    throw new DomainError(
      'CONFLICT',
      `Account ${from.accountNumber} is at version ${from.version}, not ${req.expectedFromVersion}.`,
    );
  }
  if (from.balance < req.quantity) {
    throw new DomainError(
      'RULE_VIOLATION',
      `Account ${from.accountNumber} holds ${from.balance} t; ${req.quantity} t requested.`,
    );
  }
  const moved = await moveUnits(m, from, to, req.quantity, STATUS_AFTER[req.kind]);
  const lines: JournalLine[] = moved.flatMap((r) => [
    { accountId: from.id, quantity: -r.quantity, serial: r.serial },
    { accountId: to.id, quantity: r.quantity, serial: r.serial },
  ]);
  await applyBalances(m, accounts, lines);
  const operationId = newOperationId();
  const entry = await postJournalEntry(m, {
    kind: req.kind,
    operationId,
    ctx,
    lines,
    meta: req.meta,
    orgIds: [from.ownerOrgId, to.ownerOrgId],
  });
  return {
    id: operationId,
    kind: req.kind,
    fromAccountId: from.id,
    toAccountId: to.id,
    toAccountNumber: to.accountNumber,
    quantity: req.quantity.toString(),
    serials: moved.map((r) => ({ serial: r.serial, quantity: r.quantity.toString() })),
    journalSeq: entry.seq,
    journalHash: entry.hash,
    createdAt: entry.occurredAt,
  };
}

async function resolveTarget(m: EntityManager, req: MovementRequest): Promise<string> {
  if ('accountNumber' in req.target) {
    const [row]: { id: string }[] = await m.query(
      `SELECT id FROM credits.account WHERE account_number = $1`,
      [req.target.accountNumber],
    );
    if (!row) throw new DomainError('NOT_FOUND', `Account ${req.target.accountNumber} not found`);
    return row.id;
  }
  const [row]: { id: string }[] = await m.query(
    `SELECT t.id FROM credits.account t JOIN credits.account s ON s.registry = t.registry WHERE s.id = $1 AND t.type = $2`,
    [req.fromAccountId, req.target.registryAccountType],
  );
  if (!row)
    throw new DomainError('RULE_VIOLATION', `The registry has no ${req.target.registryAccountType} account.`);
  return row.id;
}
