import { spawnSync } from 'child_process';
import { resolve } from 'path';
import { Client } from 'pg';
import { sleep } from './infra';

const ROOT = resolve(__dirname, '..', '..', '..');

/** One query as the cluster's superuser (sees through RLS), on a fresh connection: the server may have restarted. */
export async function sql<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function count(url: string, text: string, params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: string }>(url, text, params);
  return Number(row.n);
}

/** Polls `check` until it returns true or `timeoutMs` passes; returns the seconds it took, or null. */
export async function within(timeoutMs: number, check: () => Promise<boolean>): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Math.round((Date.now() - started) / 100) / 10;
    await sleep(250);
  }
  return null;
}

export interface LedgerFigures {
  /** Acknowledged transfers whose journal entry is missing. */
  lost: number;
  /** Journal transfers beyond one per idempotency key. */
  duplicates: number;
  /** Acknowledged mutations without an audit row of their success. */
  missingAudit: number;
}

/** Compares what the clients were told with what the ledger and the audit log hold. */
export async function checkLedger(url: string, ackedIds: string[]): Promise<LedgerFigures> {
  const journal = await sql<{ id: string }>(
    url,
    `SELECT operation_id::text AS id FROM credits.journal_entry WHERE kind = 'TRANSFER'`,
  );
  const inJournal = new Set(journal.map((r) => r.id));
  const keys = await count(
    url,
    `SELECT count(*) AS n FROM credits.idempotency_record WHERE operation = 'transfer.create' AND result IS NOT NULL`,
  );
  const audited = await sql<{ resource: string }>(
    url,
    `SELECT DISTINCT resource FROM identity.audit_log WHERE outcome BETWEEN 200 AND 299 AND resource = ANY($1::text[])`,
    [ackedIds],
  );
  return {
    lost: ackedIds.filter((id) => !inJournal.has(id)).length,
    duplicates: journal.length - keys,
    missingAudit: ackedIds.length - audited.length,
  };
}

/** The credits service's own verifier (hash chain, double entry, balances, blocks): exit 0 when intact. */
export function verifyLedger(databaseUrl: string): { intact: boolean; report: string } {
  const r = spawnSync(
    process.execPath,
    [resolve(ROOT, 'dist/apps/credits-service/apps/credits-service/src/verify.js')],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return {
    intact: r.status === 0,
    report: `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-5).join('\n'),
  };
}

/** Committed events still waiting in any service's outbox. */
export async function unpublishedEvents(url: string): Promise<number> {
  let total = 0;
  for (const schema of ['partnership', 'grants', 'mrv', 'credits']) {
    total += await count(url, `SELECT count(*) AS n FROM ${schema}.outbox WHERE published_at IS NULL`);
  }
  return total;
}
