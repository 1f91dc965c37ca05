import { TranslationService } from '../../../i18n/translation.service';
import { ChangeDetectionStrategy, Component, booleanAttribute, input, inject } from '@angular/core';

import { BudgetLine, BudgetSummary } from '@jcm/contracts';
import { JCM_FORMAT_PIPES } from '@jcm/portal-ui';

/**
 * 予算の内訳: a proposal's or contract's budget lines by cost category, then the consumption tax and, where asked,
 * the total incl. tax. The figures come from the service (checkC3pBudget); nothing is recomputed here.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JCM_FORMAT_PIPES],
  selector: 'jcm-budget-table',
  styleUrl: './programme.scss',
  template: `
    <div class="table-scroll">
      <table class="table">
        @if (header()) {
          <thead>
            <tr>
              <th scope="col">{{ i18n.t('prog.budget.category') }}</th>
              <th class="num" scope="col">{{ i18n.t('prog.budget.amount') }}</th>
              <th scope="col">{{ i18n.t('prog.budget.note') }}</th>
            </tr>
          </thead>
        }
        <tbody>
          @for (line of lines(); track $index) {
            <tr>
              <th scope="row">{{ line.category }}</th>
              <td class="num">{{ line.amountYen | jcmYen }}</td>
              <td>{{ line.note ?? '' }}</td>
            </tr>
          }
          <tr [attr.data-testid]="taxTestId()">
            <th scope="row">{{ i18n.t('prog.budget.tax') }}</th>
            <td class="num">{{ budget().consumptionTaxYen | jcmYen }}</td>
            <td></td>
          </tr>
          @if (total()) {
            <tr>
              <th scope="row">{{ i18n.t('prog.budget.total') }}</th>
              <td class="num">{{ budget().totalInclTaxYen | jcmYen }}</td>
              <td></td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class JcmBudgetTableComponent {
  protected readonly i18n = inject(TranslationService);
  public readonly lines = input.required<readonly BudgetLine[]>();
  public readonly budget = input.required<BudgetSummary>();
  public readonly header = input(false, { transform: booleanAttribute });
  public readonly total = input(false, { transform: booleanAttribute });
  public readonly taxTestId = input<string | null>(null);
}
