import { Pipe, PipeTransform, inject } from '@angular/core';

import { UiTranslator, pick } from '../i18n/ui-translator';
import { DateStyle, fiscalYearLabel, formatDate, monthLabel, yen } from './formats';

// Impure: each reads the reader's language, which changes without the pipe's input changing.
// They are cheap string formatting, so running on each check of an OnPush view costs nothing that matters.

/** `{{ 19965000 | jcmYen }}` → 19,965,000円 / ¥19,965,000 (integer yen only). */
@Pipe({ name: 'jcmYen', pure: false })
export class JcmYenPipe implements PipeTransform {
  private readonly i18n = inject(UiTranslator);

  public transform(value: number | bigint | string | null | undefined): string {
    return value === null || value === undefined ? '' : yen(value, this.i18n.language());
  }
}

/** `{{ '2026-04-01' | jcmDate }}` → 2026年4月1日 / 1 Apr 2026; `jcmDate: 'era'` → 令和8年4月1日; `'datetime'` with the time. */
@Pipe({ name: 'jcmDate', pure: false })
export class JcmDatePipe implements PipeTransform {
  private readonly i18n = inject(UiTranslator);

  public transform(value: string | null | undefined, style: DateStyle = 'date'): string {
    return value ? formatDate(value, this.i18n.language(), style) : '';
  }
}

/** `{{ '2026-04' | jcmMonth }}` → 2026年4月 / Apr 2026. */
@Pipe({ name: 'jcmMonth', pure: false })
export class JcmMonthPipe implements PipeTransform {
  private readonly i18n = inject(UiTranslator);

  public transform(value: string): string {
    return monthLabel(value, this.i18n.language());
  }
}

/** `{{ 2026 | jcmFiscalYear }}` → 2026年度 / FY2026; `jcmFiscalYear: true` → 令和8年度. */
@Pipe({ name: 'jcmFiscalYear', pure: false })
export class JcmFiscalYearPipe implements PipeTransform {
  private readonly i18n = inject(UiTranslator);

  public transform(value: number, era = false): string {
    return fiscalYearLabel(value, this.i18n.language(), era);
  }
}

/** `{{ call.state | jcmLabel: 'prog.callState' }}` → the message `prog.callState.published` in the reader's language. */
@Pipe({ name: 'jcmLabel', pure: false })
export class JcmLabelPipe implements PipeTransform {
  private readonly i18n = inject(UiTranslator);

  public transform(value: string, group: string): string {
    return this.i18n.t(`${group}.${value}`);
  }
}

type Named = { nameJa: string; nameEn: string } | { titleJa: string; titleEn: string };

/** `{{ party | jcmName }}` / `{{ call | jcmName }}`: the Japanese or English name (or title) of a record. */
@Pipe({ name: 'jcmName', pure: false })
export class JcmNamePipe implements PipeTransform {
  private readonly i18n = inject(UiTranslator);

  public transform(value: Named): string {
    const language = this.i18n.language();
    return 'nameJa' in value
      ? pick(language, value.nameJa, value.nameEn)
      : pick(language, value.titleJa, value.titleEn);
  }
}

/** Every formatting pipe, for a component's `imports`. */
export const JCM_FORMAT_PIPES = [
  JcmYenPipe,
  JcmDatePipe,
  JcmMonthPipe,
  JcmFiscalYearPipe,
  JcmLabelPipe,
  JcmNamePipe,
] as const;
