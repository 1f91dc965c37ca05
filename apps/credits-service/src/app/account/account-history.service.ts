import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AccountHistoryEntry,
  AccountHistoryPage,
  AccountHistoryQuery,
  AccountType,
  DomainError,
  JournalEntryKind,
  RequestContext,
  seesAllRecords,
} from '@jcm/contracts';
import { DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { elevateToSystem } from '../ledger/credit-ledger';

interface EntryRow {
  seq: string;
  kind: JournalEntryKind;
  hash: string;
  occurred_at: string;
  lines: { accountId: string; quantity: string; serial: string }[];
}

/**
 * 取引履歴: the journal lines of one account, newest entry first. The account must be visible to the caller under
 * its own RLS scope (and the same owner filter as `credits.account.get`), so another organisation's account is
 * NOT_FOUND; the entries are read under that scope too (the holder is a participant of every entry that touches
 * its account). Only then, for the other side of each line, the account number, holder and type are looked up as
 * the service (they belong to another tenant): see HistoryCounterparty for what is disclosed.
 */
@Injectable()
export class AccountHistoryService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async history(ctx: RequestContext, q: AccountHistoryQuery): Promise<AccountHistoryPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const owner = seesAllRecords(ctx) ? '' : ' AND owner_org_id = $2';
      const visible: { id: string }[] = await m.query(
        `SELECT id FROM credits.account WHERE id = $1${owner}`,
        seesAllRecords(ctx) ? [q.id] : [q.id, ctx.orgId],
      );
      if (visible.length === 0) throw new DomainError('NOT_FOUND', `Account ${q.id} not found`);

      const touches = `content->'lines' @> jsonb_build_array(jsonb_build_object('accountId', $1::text))`;
      const [{ total }]: { total: number }[] = await m.query(
        `SELECT count(*)::int AS total FROM credits.journal_entry WHERE ${touches}`,
        [q.id],
      );
      const rows: EntryRow[] = await m.query(
        `SELECT seq::text AS seq, kind, hash, content->>'occurredAt' AS occurred_at, content->'lines' AS lines
           FROM credits.journal_entry WHERE ${touches}
          ORDER BY seq DESC LIMIT $2 OFFSET $3`,
        [q.id, q.limit, q.offset],
      );

      const entries = rows.map((r) => ({ row: r, ...linesOf(r, q.id) }));
      const otherIds = [...new Set(entries.flatMap((e) => e.counterpartyIds))];
      const others = new Map<string, { accountNumber: string; holderName: string; type: AccountType }>();
      if (otherIds.length > 0) {
        await elevateToSystem(m);
        const found: { id: string; account_number: string; holder_name: string; type: AccountType }[] =
          await m.query(
            `SELECT id, account_number, holder_name, type FROM credits.account WHERE id = ANY($1::uuid[])`,
            [otherIds],
          );
        for (const a of found)
          others.set(a.id, { accountNumber: a.account_number, holderName: a.holder_name, type: a.type });
      }
      const items: AccountHistoryEntry[] = entries.map((e) => ({
        seq: e.row.seq,
        occurredAt: new Date(e.row.occurred_at).toISOString(),
        kind: e.row.kind,
        quantity: e.net.toString(),
        counterparties: e.counterpartyIds.flatMap((id) => {
          const a = others.get(id);
          return a ? [a] : [];
        }),
        serials: e.serials,
        journalHash: e.row.hash,
      }));
      return { items, total };
    });
  }
}

/** This account's lines of one entry: net change, serials, and the accounts on the other side of those serials. */
function linesOf(row: EntryRow, accountId: string) {
  const own = row.lines.filter((l) => l.accountId === accountId);
  const net = own.reduce((sum, l) => sum + BigInt(l.quantity), 0n);
  const ownSerials = new Map(own.map((l) => [l.serial, BigInt(l.quantity) > 0n]));
  const counterpartyIds = [
    ...new Set(
      row.lines
        .filter(
          (l) =>
            l.accountId !== accountId &&
            ownSerials.has(l.serial) &&
            BigInt(l.quantity) > 0n !== ownSerials.get(l.serial),
        )
        .map((l) => l.accountId),
    ),
  ];
  const serials = own.map((l) => ({
    serial: l.serial,
    quantity: (BigInt(l.quantity) < 0n ? -BigInt(l.quantity) : BigInt(l.quantity)).toString(),
  }));
  return { net, counterpartyIds, serials };
}
