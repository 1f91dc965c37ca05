import { Directive, inject } from '@angular/core';

import { PartyRef } from '@jcm/contracts';

import { MessageKey } from '../../../i18n/messages.ja';
import { TranslationService } from '../../../i18n/translation.service';
import { LabelGroup, calendarDate, fiscalYearLabel, monthLabel, party, titleOf, yen } from './programme-labels';

/** The programme pages' shared view helpers: enum labels, titles, parties, amounts and dates in the reader's language. */
@Directive()
export abstract class JcmProgrammePage {
  protected readonly i18n = inject(TranslationService);

  protected label(group: LabelGroup, value: string): string {
    return this.i18n.t(`prog.${group}.${value}` as MessageKey);
  }

  protected title(record: { titleJa: string; titleEn: string }): string {
    return titleOf(record, this.i18n.language());
  }

  protected name(ref: PartyRef): string {
    return party(ref, this.i18n.language());
  }

  protected amount(value: number): string {
    return yen(value, this.i18n.language());
  }

  protected date(value: string): string {
    return calendarDate(value, this.i18n.language());
  }

  protected month(value: string): string {
    return monthLabel(value, this.i18n.language());
  }

  protected fy(value: number): string {
    return fiscalYearLabel(value, this.i18n.language());
  }
}
