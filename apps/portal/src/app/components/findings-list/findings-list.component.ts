import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { TranslationService } from '../../i18n/translation.service';
import { FindingView } from '../../services/calculators-api.service';

const ORDER: Record<FindingView['severity'], number> = { error: 0, warning: 1, info: 2 };

/** 所見: each rule outcome with its severity, the message in the reader's language, the rule id and its source. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'jcm-findings-list',
  styleUrl: './findings-list.component.scss',
  templateUrl: './findings-list.component.html',
})
export class JcmFindingsListComponent {
  protected readonly i18n = inject(TranslationService);
  public readonly findings = input.required<readonly FindingView[]>();

  /** Errors first, then warnings, then information; stable within a severity. */
  protected readonly sorted = computed(() =>
    [...this.findings()].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]),
  );

  protected severity(finding: FindingView): string {
    return this.i18n.t(`calc.severity.${finding.severity}`);
  }

  protected message(finding: FindingView): string {
    return this.i18n.language() === 'ja' ? finding.message_ja : finding.message_en;
  }
}
