import Decimal from 'decimal.js';
import { allocateIssuance } from '@jcm/rules';

/**
 * 配分 of one issuance between the Government of Japan and the project participants.
 *
 * The split itself is the shared rule `allocateIssuance` of @jcm/rules, with the government marked "at least its
 * share" (設備補助事業: 発行量の1/2以上を日本政府へ), so a rounding tonne never leaves Japan below its share. The
 * participants' part then goes to the accounts named in the command: explicit quantities that must add up to
 * it, or one account that takes all of it.
 */
export interface IssuanceSplit {
  government: bigint;
  participants: { accountId: string; quantity: bigint }[];
}

export type IssuanceSplitResult = { ok: true; split: IssuanceSplit } | { ok: false; reason: string };

const GOVERNMENT = 'GOVERNMENT_OF_JAPAN';
const PARTICIPANTS = 'PARTICIPANTS';

export function governmentQuantity(total: bigint, governmentShare: string): bigint {
  const rest = new Decimal(1).minus(governmentShare).toFixed();
  const [gov] = allocateIssuance(total, [
    { holderId: GOVERNMENT, share: governmentShare, atLeast: true },
    { holderId: PARTICIPANTS, share: rest },
  ]);
  return gov.quantity;
}

export function splitIssuance(
  total: bigint,
  governmentShare: string,
  participants: { accountId: string; quantity?: string }[],
): IssuanceSplitResult {
  const government = governmentQuantity(total, governmentShare);
  const remainder = total - government;
  if (participants.length === 1 && participants[0].quantity === undefined) {
    return {
      ok: true,
      split: { government, participants: [{ accountId: participants[0].accountId, quantity: remainder }] },
    };
  }
  const named = participants.map((p) => ({ accountId: p.accountId, quantity: BigInt(p.quantity ?? '0') }));
  const sum = named.reduce((acc, p) => acc + p.quantity, 0n);
  if (sum !== remainder) {
    return {
      ok: false,
      reason: `Participants' quantities sum to ${sum} t but ${remainder} t remain after the Government of Japan's ${government} t`,
    };
  }
  return { ok: true, split: { government, participants: named } };
}
