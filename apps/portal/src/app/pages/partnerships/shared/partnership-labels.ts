import { PartnershipView, PartyRef, TargetField } from '@jcm/contracts';
import { pick } from '@jcm/portal-ui';

import { Language } from '../../../i18n/language';
import { TranslationService } from '../../../i18n/translation.service';

export function partnershipTitle(partnership: PartnershipView, language: Language): string {
  return pick(language, partnership.titleJa, partnership.titleEn);
}

export function partyName(party: PartyRef, language: Language): string {
  return pick(language, party.nameJa, party.nameEn);
}

/** 対象分野 in the reader's language; "other" carries the free text the registrant typed. */
export function targetFieldLabels(partnership: PartnershipView, i18n: TranslationService): string[] {
  return partnership.targetFields.map((field: TargetField) => {
    const label = i18n.t(`targetField.${field}`);
    const separator = i18n.language() === 'ja' ? '：' : ': ';
    return field === 'other' && partnership.targetFieldOther
      ? `${label}${separator}${partnership.targetFieldOther}`
      : label;
  });
}
