import { groupDigits } from '@jcm/portal-ui';

import { MessageKey } from '../../../i18n/messages.ja';
import { wholeNumberText } from '../../../i18n/number-format';
import { MessageParams } from '../../../i18n/translation.service';

export interface FormMessage {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * A quantity to move out of an account: a whole number of tonnes, at least 1, at most the balance. Compared as
 * bigint (never a float); the service checks again against the balance at the moment it moves the credits.
 */
export function checkQuantity(input: string, balance: string): { quantity: string } | { error: FormMessage } {
  const quantity = wholeNumberText(input);
  if (quantity === null || BigInt(quantity) < 1n) return { error: { key: 'op.err.quantity' } };
  if (BigInt(quantity) > BigInt(balance)) {
    return { error: { key: 'op.err.overBalance', params: { balance: groupDigits(balance) } } };
  }
  return { quantity };
}

/** A signed whole-tonne string with separators and an explicit sign: "1200" → "+1,200", "-300" → "−300". */
export function signedTonnes(value: string): string {
  if (value.startsWith('-')) return `−${groupDigits(value.slice(1))}`;
  return value === '0' ? '0' : `+${groupDigits(value)}`;
}
