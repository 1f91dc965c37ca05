import * as z from 'zod';
import { pageOf, PageQuery } from '../shared/page';
import { AccountType, TonnesTotal } from './credits.primitives';

/**
 * NATS `credits.account.list-history` (gateway `GET /api/v1/credits/accounts/:id/history`): 取引履歴 of one account,
 * its journal lines grouped by journal entry, newest first. Scoped exactly like `credits.account.get`: an account
 * of another organisation is reported as NOT_FOUND (MOE and the secretariat see every account).
 */
export const AccountHistoryQuery = PageQuery.extend({ id: z.uuid() });
export type AccountHistoryQuery = z.infer<typeof AccountHistoryQuery>;

export const JournalEntryKind = z.enum(['ISSUANCE', 'TRANSFER', 'RETIREMENT', 'CANCELLATION']);
export type JournalEntryKind = z.infer<typeof JournalEntryKind>;

/**
 * The other side of the account's lines in one entry. What it discloses is what the movement itself discloses:
 * for a transfer, the sender sees the receiving account (the number it typed) and the receiver sees the sending
 * account, each with its holder name as on the account; for issuance, retirement and cancellation the other side
 * is the registry's own ISSUANCE / RETIREMENT / CANCELLATION account. Other accounts in the same entry (e.g. the
 * other participants of one issuance) never appear, nor does the acting user.
 */
export const HistoryCounterparty = z.object({
  accountNumber: z.string(),
  holderName: z.string(),
  type: AccountType,
});
export type HistoryCounterparty = z.infer<typeof HistoryCounterparty>;

export const AccountHistoryEntry = z.object({
  /** Journal entry number (台帳番号), a decimal string. */
  seq: z.string(),
  occurredAt: z.iso.datetime(),
  kind: JournalEntryKind,
  /** Net change of this account in the entry, signed whole tonnes: "+" into it is positive, e.g. "1200" or "-300". */
  quantity: TonnesTotal,
  counterparties: z.array(HistoryCounterparty),
  /** Serial ranges this account's lines moved, with their (unsigned) quantities. */
  serials: z.array(z.object({ serial: z.string(), quantity: z.string() })),
  /** The entry's hash in the chain (hex SHA-256), for checking against the ledger verification. */
  journalHash: z.string(),
});
export type AccountHistoryEntry = z.infer<typeof AccountHistoryEntry>;

export const AccountHistoryPage = pageOf(AccountHistoryEntry);
export type AccountHistoryPage = z.infer<typeof AccountHistoryPage>;
