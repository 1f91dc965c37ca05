import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';

import {
  AnnualContractView,
  CostCategory,
  SETTLEMENT_COUNTED_STATES,
  SettlementLine,
  SettlementReportView,
} from '@jcm/contracts';
import { JCM_FORMAT_PIPES, PageActions, pageProblem } from '@jcm/portal-ui';

import { MessageKey } from '../../../i18n/messages.ja';
import { TranslationService } from '../../../i18n/translation.service';
import { ProgrammeYearEndApiService } from '../../../services/programme-year-end-api.service';
import { COST_CATEGORIES, liveBudget } from '../shared/budget-check';
import { parseYen } from '../shared/programme-labels';
import { YearEndRoles } from './year-end-section';

interface SettlementDraft {
  /** The report being edited, or null for a new one. */
  reportId: string | null;
  periodFrom: string;
  periodTo: string;
  amounts: Partial<Record<CostCategory, string>>;
}

/** Submitted + accepted reports: what counts against the contract amount (C3P-ST1), less the one being edited. */
function countedYen(reports: readonly SettlementReportView[], exceptId: string | null = null): number {
  return reports
    .filter((s) => SETTLEMENT_COUNTED_STATES.includes(s.state) && s.id !== exceptId)
    .reduce((sum, s) => sum + s.totalInclTaxYen, 0);
}

/** 精算報告: the contractor drafts with live totals and the cumulative check (C3P-ST1) and submits; MOE accepts or returns. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JCM_FORMAT_PIPES],
  selector: 'section[jcm-year-end-settlements]',
  styleUrls: ['../shared/programme.scss', './year-end-page.component.scss'],
  templateUrl: './year-end-settlements.component.html',
})
export class JcmYearEndSettlementsComponent {
  /** The contract, the reader's roles and the page's one action runner, from the year-end page. */
  public readonly contract = input.required<AnnualContractView>();
  public readonly roles = input.required<YearEndRoles>();
  public readonly actions = input.required<PageActions<MessageKey>>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(ProgrammeYearEndApiService);
  protected readonly busy = computed(() => this.actions().busy());
  public readonly settlements = input.required<readonly SettlementReportView[]>();

  protected readonly categories = COST_CATEGORIES;
  protected readonly settledYen = computed(() => countedYen(this.settlements()));

  protected readonly draft = signal<SettlementDraft | null>(null);
  protected readonly draftLines = computed(() => {
    const draft = this.draft();
    const lines: SettlementLine[] = [];
    const bad: CostCategory[] = [];
    if (!draft) return { bad, lines };
    for (const category of COST_CATEGORIES) {
      const amountYen = parseYen(draft.amounts[category] ?? '');
      if (amountYen === null) continue;
      if (Number.isNaN(amountYen)) bad.push(category);
      else lines.push({ amountYen, category });
    }
    return { bad, lines };
  });
  /** Subtotal, 消費税 (floored) and total by checkC3pBudget, as the service computes them. */
  protected readonly draftTotals = computed(() => {
    const result = liveBudget(this.draftLines().lines, null).result;
    // The other counted reports: the one being edited is not double-counted.
    const cumulative =
      countedYen(this.settlements(), this.draft()?.reportId ?? null) + result.totalInclTaxYen;
    return {
      consumptionTaxYen: result.consumptionTaxYen,
      cumulative,
      subtotalExclTaxYen: result.subtotalExclTaxYen,
      totalInclTaxYen: result.totalInclTaxYen,
      withinAmount: cumulative <= this.contract().contractAmountYen,
    };
  });

  protected categoryLabel(category: string): string {
    return this.i18n.t(`prog.costCategory.${category}` as MessageKey);
  }

  protected newSettlement(): void {
    const c = this.contract();
    this.actions().problem.set(null);
    this.draft.set({ amounts: {}, periodFrom: c.startDate, periodTo: c.endDate, reportId: null });
  }

  protected editSettlement(report: SettlementReportView): void {
    const amounts: Partial<Record<CostCategory, string>> = {};
    for (const line of report.lines)
      amounts[line.category] = String((Number(amounts[line.category] ?? 0) || 0) + line.amountYen);
    this.actions().problem.set(null);
    this.draft.set({
      amounts,
      periodFrom: report.periodFrom,
      periodTo: report.periodTo,
      reportId: report.id,
    });
  }

  protected setAmount(category: CostCategory, value: string): void {
    this.draft.update((d) => (d ? { ...d, amounts: { ...d.amounts, [category]: value } } : d));
  }

  protected setPeriod(field: 'periodFrom' | 'periodTo', value: string): void {
    this.draft.update((d) => (d ? { ...d, [field]: value } : d));
  }

  protected isBad(category: CostCategory): boolean {
    return this.draftLines().bad.includes(category);
  }

  protected saveSettlement(): void {
    const draft = this.draft();
    const { bad, lines } = this.draftLines();
    if (!draft) return;
    if (bad.length > 0 || lines.length === 0 || !draft.periodFrom || !draft.periodTo)
      return this.actions().fail(pageProblem('ye.settlement.err'));
    const input = { lines, periodFrom: draft.periodFrom, periodTo: draft.periodTo };
    const request = draft.reportId
      ? this.api.updateSettlement(draft.reportId, input)
      : this.api.createSettlement(this.contract().id, input);
    this.actions().act(request, 'ye.done.settlementSaved', () => this.draft.set(null));
  }

  protected settlementAction(report: SettlementReportView, action: 'submit' | 'accept'): void {
    this.actions().act(
      this.api.settlementAction(report.id, action),
      action === 'submit' ? 'ye.done.settlementSubmitted' : 'ye.done.settlementAccepted',
    );
  }

  protected returnSettlement(report: SettlementReportView, comment: string): void {
    if (!comment.trim()) return this.actions().fail(pageProblem('prog.form.required'));
    this.actions().act(this.api.returnSettlement(report.id, comment.trim()), 'ye.done.returned');
  }
}
