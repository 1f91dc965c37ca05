import { DataSource, EntityManager } from 'typeorm';
import { LedgerDifference, LedgerVerification } from '@jcm/contracts';
import { CanonicalValue, chainHash, GENESIS_HASH } from './journal-hash';

interface EntryRow {
  seq: string;
  content: { seq?: string; lines?: { accountId: string; quantity: string }[] } & Record<
    string,
    CanonicalValue
  >;
  prev_hash: string;
  hash: string;
}

const PAGE = 1000;

/**
 * 台帳検証: recomputes the hash chain and every account balance from the journal alone, and compares them with
 * the stored balances, the credit blocks and the issuances. One REPEATABLE READ, read-only snapshot, as the
 * service ('SYSTEM': every tenant's rows). Reports each difference; `intact` only if there is none.
 */
export async function verifyLedger(ds: DataSource): Promise<LedgerVerification> {
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.startTransaction('REPEATABLE READ');
    await qr.query('SET TRANSACTION READ ONLY');
    await qr.query(`SELECT set_config('app.org_id', '', true), set_config('app.org_type', 'SYSTEM', true)`);
    const result = await verifyInSnapshot(qr.manager);
    await qr.rollbackTransaction();
    return result;
  } finally {
    await qr.release();
  }
}

async function verifyInSnapshot(m: EntityManager): Promise<LedgerVerification> {
  const diffs: LedgerDifference[] = [];
  const diff = (check: string, subject: string, expected: unknown, actual: unknown) =>
    diffs.push({ check, subject, expected: String(expected), actual: String(actual) });

  // 1. The chain, entry by entry, and balances replayed from the journal lines.
  const fromJournal = new Map<string, bigint>();
  let prev = GENESIS_HASH;
  let expectedSeq = 1n;
  let entries = 0;
  for (;;) {
    const page: EntryRow[] = await m.query(
      `SELECT seq, content, prev_hash, hash FROM credits.journal_entry WHERE seq >= $1 ORDER BY seq LIMIT ${PAGE}`,
      [expectedSeq.toString()],
    );
    for (const e of page) {
      const subject = `entry ${e.seq}`;
      if (BigInt(e.seq) !== expectedSeq) diff('sequence', subject, expectedSeq, e.seq);
      if (e.content.seq !== e.seq) diff('content-seq', subject, e.seq, e.content.seq);
      if (e.prev_hash !== prev) diff('prev-hash', subject, prev, e.prev_hash);
      const recomputed = chainHash(prev, e.content as CanonicalValue);
      if (recomputed !== e.hash) diff('hash', subject, recomputed, e.hash);
      let sum = 0n;
      for (const l of e.content.lines ?? []) {
        const q = BigInt(l.quantity);
        sum += q;
        fromJournal.set(l.accountId, (fromJournal.get(l.accountId) ?? 0n) + q);
      }
      if (sum !== 0n) diff('balanced', subject, 0, sum);
      prev = e.hash;
      expectedSeq = BigInt(e.seq) + 1n;
      entries++;
    }
    if (page.length < PAGE) break;
  }
  const [head]: { last_seq: string; last_hash: string }[] = await m.query(
    `SELECT last_seq, last_hash FROM credits.journal_head WHERE id = 1`,
  );
  if (head.last_hash !== prev || BigInt(head.last_seq) !== expectedSeq - 1n) {
    diff('head', 'journal head', `${expectedSeq - 1n} ${prev}`, `${head.last_seq} ${head.last_hash}`);
  }

  // 2. Every account: stored balance == journal balance == sum of its blocks (issuance account: minus issued).
  const accounts: {
    id: string;
    account_number: string;
    type: string;
    registry: string;
    balance: string;
    blocks: string;
    issued: string;
  }[] = await m.query(
    `SELECT a.id, a.account_number, a.type, a.registry, a.balance::text,
              coalesce((SELECT sum(quantity) FROM credits.credit_block b WHERE b.account_id = a.id), 0)::text AS blocks,
              coalesce((SELECT sum(quantity) FROM credits.issuance i WHERE i.registry = a.registry), 0)::text AS issued
         FROM credits.account a ORDER BY a.account_number`,
  );
  let totalIssued = 0n;
  let totalHeld = 0n;
  for (const a of accounts) {
    const journal = fromJournal.get(a.id) ?? 0n;
    fromJournal.delete(a.id);
    if (BigInt(a.balance) !== journal) diff('balance-vs-journal', a.account_number, journal, a.balance);
    if (a.type === 'ISSUANCE') {
      totalIssued += BigInt(a.issued);
      if (-BigInt(a.issued) !== journal)
        diff('issued-vs-journal', a.account_number, -BigInt(a.issued), journal);
    } else {
      totalHeld += BigInt(a.blocks);
      if (BigInt(a.blocks) !== journal) diff('blocks-vs-journal', a.account_number, journal, a.blocks);
    }
  }
  for (const [id, q] of fromJournal) diff('unknown-account', id, 'an account', `journal lines of ${q} t`);
  if (totalHeld !== totalIssued) diff('conservation', 'all accounts', totalIssued, totalHeld);

  // 3. Each issuance is tiled exactly by its blocks (no gap; overlaps are impossible by the exclusion constraint).
  const tiling: {
    id: string;
    first_unit: string;
    last_unit: string;
    quantity: string;
    lo: string | null;
    hi: string | null;
    total: string;
  }[] = await m.query(
    `SELECT i.id, i.first_unit, i.last_unit, i.quantity, min(b.first_unit) AS lo, max(b.last_unit) AS hi,
              coalesce(sum(b.quantity), 0)::text AS total
         FROM credits.issuance i LEFT JOIN credits.credit_block b ON b.issuance_id = i.id
        GROUP BY i.id ORDER BY i.id`,
  );
  for (const t of tiling) {
    if (t.lo !== t.first_unit || t.hi !== t.last_unit || t.total !== t.quantity) {
      diff(
        'tiling',
        `issuance ${t.id}`,
        `${t.first_unit}-${t.last_unit} (${t.quantity} t)`,
        `${t.lo}-${t.hi} (${t.total} t)`,
      );
    }
  }

  // 4. Status follows the account: retired blocks only in RETIREMENT, cancelled only in CANCELLATION.
  const misplaced: { id: string; status: string; type: string }[] = await m.query(
    `SELECT b.id, b.status, a.type FROM credits.credit_block b JOIN credits.account a ON a.id = b.account_id
      WHERE (a.type = 'RETIREMENT') <> (b.status = 'RETIRED') OR (a.type = 'CANCELLATION') <> (b.status = 'CANCELLED')
         OR a.type = 'ISSUANCE'`,
  );
  for (const b of misplaced) diff('block-status', `block ${b.id}`, `status matching ${b.type}`, b.status);

  // 5. Article 6: every recorded authorisation and corresponding adjustment is still carried by every unit of its range.
  const article6: { id: string; kind: string; first_unit: string; last_unit: string; missing: string }[] =
    await m.query(
      `SELECT a.id, a.kind, a.first_unit, a.last_unit,
            ((a.last_unit - a.first_unit + 1) - coalesce((
              SELECT sum(least(b.last_unit, a.last_unit) - greatest(b.first_unit, a.first_unit) + 1)
                FROM credits.credit_block b
               WHERE b.project_id = a.project_id AND b.registry = a.registry
                 AND int8range(b.first_unit, b.last_unit, '[]') && int8range(a.first_unit, a.last_unit, '[]')
                 AND CASE WHEN a.kind = 'AUTHORISATION'
                          THEN b.authorised_use = a.authorised_use AND b.authorisation_ref = a.authorisation_ref
                          ELSE b.ca_applied_on = a.applied_on AND b.ca_reference = a.reference END), 0))::text AS missing
       FROM credits.article6_action a ORDER BY a.created_at, a.id`,
    );
  for (const a of article6) {
    if (a.missing !== '0')
      diff(
        'article6',
        `action ${a.id}`,
        `${a.kind} on units ${a.first_unit}-${a.last_unit}`,
        `${a.missing} units without it`,
      );
  }

  return {
    intact: diffs.length === 0,
    entries,
    headHash: entries ? prev : null,
    totalIssued: totalIssued.toString(),
    differences: diffs,
  };
}
