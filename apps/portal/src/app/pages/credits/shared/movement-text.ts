import { MovementView } from '@jcm/contracts';
import { groupDigits } from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';

/** "1,200 tCO2 を JP-… へ移転しました（台帳番号 7）" and the like, from the service's answer. */
export function movementDone(i18n: TranslationService, result: MovementView): string {
  return i18n.t(`op.done.${result.kind}`, {
    account: result.toAccountNumber,
    quantity: groupDigits(result.quantity),
    seq: result.journalSeq,
  });
}

export function movedSerials(result: MovementView): string {
  return result.serials.map((item) => item.serial).join(', ');
}
