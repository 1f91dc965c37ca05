import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { AccountType, CreditBlockStatus, DomainError, formatSerial, RequestContext } from '@jcm/contracts';
import { CanonicalValue, chainHash } from './journal-hash';

/**
 * The posting engine of the registry (仕訳). Every operation runs inside ONE transaction and follows one lock
 * order, so concurrent postings never deadlock and never lose an update:
 *   0. (issuance only) the project row, whose unit counter numbers the new blocks;
 *   1. accounts touched, `FOR UPDATE` in id order (a block only changes while its account is locked);
 *   2. the source account's blocks, `FOR UPDATE` in serial order;
 *   3. the journal head, last, held only for the final inserts (it serialises the hash chain).
 */

export interface LockedAccount {
  id: string;
  accountNumber: string;
  registry: string;
  type: AccountType;
  ownerOrgId: string;
  balance: bigint;
  version: number;
}

export interface JournalLine {
  accountId: string;
  /** Signed whole tonnes: credit (into the account) positive, debit negative; an entry's lines sum to zero. */
  quantity: bigint;
  serial: string;
}

export interface MovedRange {
  serial: string;
  quantity: bigint;
}

export type JournalKind = 'ISSUANCE' | 'TRANSFER' | 'RETIREMENT' | 'CANCELLATION';

/**
 * A posting moves credits across tenants (the recipient's account is not the caller's), so after the caller's
 * right to act has been checked under its own RLS scope, the rest of the same transaction runs as the service.
 */
export async function elevateToSystem(m: EntityManager): Promise<void> {
  await m.query(`SELECT set_config('app.org_id', '', true), set_config('app.org_type', 'SYSTEM', true)`);
}

interface AccountRow {
  id: string;
  account_number: string;
  registry: string;
  type: AccountType;
  owner_org_id: string;
  balance: string;
  version: number;
}

export async function lockAccounts(m: EntityManager, ids: string[]): Promise<Map<string, LockedAccount>> {
  const rows: AccountRow[] = await m.query(
    `SELECT id, account_number, registry, type, owner_org_id, balance, version FROM credits.account
      WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        accountNumber: r.account_number,
        registry: r.registry,
        type: r.type,
        ownerOrgId: r.owner_org_id,
        balance: BigInt(r.balance),
        version: r.version,
      },
    ]),
  );
}

interface BlockRow {
  id: string;
  issuance_id: string;
  registry: string;
  project_reference: string;
  vintage: number;
  first_unit: string;
  last_unit: string;
  quantity: string;
}

/**
 * Article 6 attributes a block carries (migration 1767312000004): two ranges merge into one row only if these are
 * equal, so a merge never mixes units of different authorisation, first transfer or corresponding adjustment.
 */
export const ARTICLE6_COLUMNS =
  'authorised_use, authorisation_ref, authorised_at, first_transfer_definition, first_transferred_at, ca_applied_on, ca_reference';

/**
 * An OIMP unit whose first transfer is its use or cancellation is first transferred when it is retired or
 * cancelled (Decision 2/CMA.3 annex ¶2(b)); `$3` is the status the block moves to.
 */
const FIRST_TRANSFER_ON_USE = `CASE WHEN $3::text <> 'ACTIVE' AND first_transfer_definition = 'USE_OR_CANCELLATION'
  THEN coalesce(first_transferred_at, now()) ELSE first_transferred_at END`;

const serialOf = (
  b: Pick<BlockRow, 'registry' | 'project_reference' | 'vintage'>,
  first: bigint,
  last: bigint,
) =>
  formatSerial({
    registry: b.registry,
    project: b.project_reference,
    vintage: b.vintage,
    firstUnit: first,
    lastUnit: last,
  });

/**
 * Moves `quantity` tonnes of ACTIVE blocks from one account to another, oldest vintage first. A block that is
 * only partly needed is split: the sender keeps the low range, the recipient receives the high range (the rule
 * the UNDP registry v2 uses), and a received range that continues a block already held is merged into it, so
 * contiguous holdings stay one row. The caller has locked both accounts and checked the balance.
 */
export async function moveUnits(
  m: EntityManager,
  from: LockedAccount,
  to: LockedAccount,
  quantity: bigint,
  status: CreditBlockStatus,
): Promise<MovedRange[]> {
  const blocks: BlockRow[] = await m.query(
    `SELECT b.id, b.issuance_id, b.registry, b.project_reference, b.vintage, b.first_unit, b.last_unit, b.quantity
       FROM credits.credit_block b
      WHERE b.id IN (SELECT id FROM (
              SELECT id, sum(quantity) OVER (ORDER BY vintage, project_reference, first_unit) - quantity AS before
                FROM credits.credit_block WHERE account_id = $1 AND status = 'ACTIVE') w
             WHERE w.before < $2::bigint)
      ORDER BY b.vintage, b.project_reference, b.first_unit
      FOR UPDATE`,
    [from.id, quantity.toString()],
  );
  const moved: MovedRange[] = [];
  let remaining = quantity;
  for (const b of blocks) {
    if (remaining === 0n) break;
    const first = BigInt(b.first_unit);
    const last = BigInt(b.last_unit);
    const size = BigInt(b.quantity);
    if (size <= remaining) {
      await m.query(
        `UPDATE credits.credit_block SET account_id = $2, status = $3, participant_org_ids = ARRAY[$4]::uuid[],
                first_transferred_at = ${FIRST_TRANSFER_ON_USE}, version = version + 1 WHERE id = $1`,
        [b.id, to.id, status, to.ownerOrgId],
      );
      moved.push({ serial: serialOf(b, first, last), quantity: size });
      remaining -= size;
      continue;
    }
    const keepLast = last - remaining;
    await m.query(`UPDATE credits.credit_block SET last_unit = $2, version = version + 1 WHERE id = $1`, [
      b.id,
      keepLast.toString(),
    ]);
    await placeRange(m, b, keepLast + 1n, last, to, status);
    moved.push({ serial: serialOf(b, keepLast + 1n, last), quantity: remaining });
    remaining = 0n;
  }
  // The balance was checked under lock, so blocks must cover it; if not, the ledger is inconsistent: stop.
  if (remaining !== 0n) throw new Error(`Account ${from.id} holds fewer units in blocks than its balance`);
  return moved;
}

async function placeRange(
  m: EntityManager,
  b: BlockRow,
  first: bigint,
  last: bigint,
  to: LockedAccount,
  status: CreditBlockStatus,
) {
  if (status === 'ACTIVE') {
    const sameArticle6 = `EXISTS (SELECT 1 FROM credits.credit_block s WHERE s.id = $5 AND ${ARTICLE6_COLUMNS.split(
      ', ',
    )
      .map((c) => `s.${c} IS NOT DISTINCT FROM credit_block.${c}`)
      .join(' AND ')})`;
    const below = await m.query(
      `UPDATE credits.credit_block SET last_unit = $4, version = version + 1
        WHERE account_id = $1 AND issuance_id = $2 AND status = 'ACTIVE' AND last_unit = $3::bigint - 1 AND ${sameArticle6}
        RETURNING id`,
      [to.id, b.issuance_id, first.toString(), last.toString(), b.id],
    );
    if (updatedCount(below) > 0) return;
    const above = await m.query(
      `UPDATE credits.credit_block SET first_unit = $3, version = version + 1
        WHERE account_id = $1 AND issuance_id = $2 AND status = 'ACTIVE' AND first_unit = $4::bigint + 1 AND ${sameArticle6}
        RETURNING id`,
      [to.id, b.issuance_id, first.toString(), last.toString(), b.id],
    );
    if (updatedCount(above) > 0) return;
  }
  await m.query(
    `INSERT INTO credits.credit_block
       (issuance_id, project_id, registry, project_reference, vintage, first_unit, last_unit, account_id, status, participant_org_ids,
        authorised_use, authorisation_ref, authorised_at, first_transfer_definition, first_transferred_at, ca_applied_on, ca_reference)
     SELECT issuance_id, project_id, registry, project_reference, vintage, $2, $4, $5, $3, ARRAY[$6]::uuid[],
            authorised_use, authorisation_ref, authorised_at, first_transfer_definition, ${FIRST_TRANSFER_ON_USE}, ca_applied_on, ca_reference
       FROM credits.credit_block WHERE id = $1`,
    [b.id, first.toString(), status, last.toString(), to.id, to.ownerOrgId],
  );
}

/** Applies the net change per account, with the version each had when locked (optimistic check on top of locks). */
export async function applyBalances(
  m: EntityManager,
  accounts: Map<string, LockedAccount>,
  lines: JournalLine[],
) {
  const net = new Map<string, bigint>();
  for (const l of lines) net.set(l.accountId, (net.get(l.accountId) ?? 0n) + l.quantity);
  for (const [id, delta] of [...net].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const acc = accounts.get(id);
    if (!acc) throw new Error(`Account ${id} was not locked`);
    if (acc.type !== 'ISSUANCE' && acc.balance + delta < 0n) {
      throw new DomainError(
        'RULE_VIOLATION',
        `Account ${acc.accountNumber} holds ${acc.balance} t; the operation needs ${-delta} t.`,
      );
    }
    const updated = await m.query(
      `UPDATE credits.account SET balance = balance + $2::bigint, version = version + 1
        WHERE id = $1 AND version = $3 RETURNING version`,
      [id, delta.toString(), acc.version],
    );
    if (updatedCount(updated) !== 1)
      throw new DomainError('CONFLICT', `Account ${acc.accountNumber} changed concurrently; retry.`);
  }
}

export interface PostedEntry {
  seq: string;
  hash: string;
  occurredAt: string;
}

/** Appends a balanced entry to the hash-chained journal; locks the head last (see the lock order above). */
export async function postJournalEntry(
  m: EntityManager,
  input: {
    kind: JournalKind;
    operationId: string;
    ctx: RequestContext;
    lines: JournalLine[];
    meta: Record<string, CanonicalValue>;
    orgIds: string[];
  },
): Promise<PostedEntry> {
  const [head]: { last_seq: string; last_hash: string }[] = await m.query(
    `SELECT last_seq, last_hash FROM credits.journal_head WHERE id = 1 FOR UPDATE`,
  );
  const seq = (BigInt(head.last_seq) + 1n).toString();
  const occurredAt = new Date().toISOString();
  const content: CanonicalValue = {
    v: 1,
    seq,
    kind: input.kind,
    operationId: input.operationId,
    occurredAt,
    actor: { userId: input.ctx.userId, orgId: input.ctx.orgId, orgType: input.ctx.orgType },
    lines: input.lines.map((l) => ({
      accountId: l.accountId,
      quantity: l.quantity.toString(),
      serial: l.serial,
    })),
    meta: input.meta,
  };
  const hash = chainHash(head.last_hash, content);
  await m.query(
    `INSERT INTO credits.journal_entry (seq, operation_id, kind, content, prev_hash, hash, participant_org_ids)
     VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[])`,
    [
      seq,
      input.operationId,
      input.kind,
      JSON.stringify(content),
      head.last_hash,
      hash,
      [...new Set(input.orgIds)],
    ],
  );
  return { seq, hash, occurredAt };
}

/** TypeORM's postgres driver answers an UPDATE with `[rows, rowCount]`. */
function updatedCount(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}

export function newOperationId(): string {
  return randomUUID();
}
