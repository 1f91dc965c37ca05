import { GOVERNMENT_HOLDER_ID, allocateCredits } from '@jcm/rules';

import { wholeNumberText } from '../../../i18n/number-format';

export interface IssuancePreview {
  government: string;
  participant: string;
  share: string;
}

/**
 * The split the service will make (credits-service issuance-allocation uses the same rule): the Government of
 * Japan's share rounded up, the rest to the participant. Null while the quantity or share cannot be read.
 */
export function previewIssuance(
  quantityInput: string,
  governmentShare: string | null,
): IssuancePreview | null {
  const quantity = wholeNumberText(quantityInput);
  if (quantity === null || quantity === '0' || governmentShare === null) return null;
  try {
    const result = allocateCredits({
      governmentRule: { kind: 'FIXED', share: governmentShare },
      issuedT: quantity,
      otherHolders: [{ holderId: 'PARTICIPANT', share: '1' }],
    });
    const of = (holderId: string) =>
      result.allocations.find((line) => line.holderId === holderId)?.quantityT ?? '0';
    return { government: of(GOVERNMENT_HOLDER_ID), participant: of('PARTICIPANT'), share: governmentShare };
  } catch {
    return null;
  }
}
