import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { BehaviorSubject, Observable, combineLatest, skip, switchMap } from 'rxjs';

import {
  CONTRACT_ADJUSTABLE_STATES,
  CostCategory,
  DeliverableView,
  ReportMeetingKind,
  ReportMeetingView,
  SETTLEMENT_COUNTED_STATES,
  SettlementLine,
  SettlementReportView,
  canConfirmMeetingMinutes,
  canInspectYearEnd,
  canRecordMeetingHeld,
  canScheduleReportMeeting,
} from '@jcm/contracts';

import { newIdempotencyKey } from '../../../core/idempotency';
import { SessionService } from '../../../core/session.service';
import { MessageKey } from '../../../i18n/messages.ja';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { MeetingAction, ProgrammeYearEndApiService } from '../../../services/programme-year-end-api.service';
import { COST_CATEGORIES, liveBudget } from '../shared/budget-check';
import { JcmLoadStatusComponent } from '../shared/load-status.component';
import { LoadState, loadState, loaded } from '../shared/load-state';
import { JcmProblemBoxComponent } from '../shared/problem-box.component';
import { localDate } from '../shared/programme-labels';
import { Problem, problemOf } from '../shared/programme-problems';
import { JcmProgrammePage } from '../shared/programme-page';

export const MEETING_KINDS: readonly ReportMeetingKind[] = ReportMeetingKind.options;

/** Integer yen typed by a person: digits only (commas and spaces allowed), never a float. */
export function parseYen(raw: string): number | null {
  const digits = raw.replace(/[,\s，円¥]/g, '');
  if (digits === '') return null;
  if (!/^\d{1,15}$/.test(digits)) return NaN;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : NaN;
}

interface SettlementDraft {
  /** The report being edited, or null for a new one. */
  reportId: string | null;
  periodFrom: string;
  periodTo: string;
  amounts: Partial<Record<CostCategory, string>>;
}

/**
 * 年度末の手続き of one annual contract: 報告会 (kick-off / interim / final), 精算報告 with live totals and the
 * cumulative check against the contract amount (C3P-S1), the 成果物 checklist, and MOE's 減額・中止.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmLoadStatusComponent, JcmProblemBoxComponent, RouterLink],
  selector: 'jcm-year-end-page',
  styleUrls: ['../shared/programme.scss', './year-end-page.component.scss'],
  templateUrl: './year-end-page.component.html',
})
export class JcmYearEndPageComponent extends JcmProgrammePage {
  public readonly id = input.required<string>();

  private readonly programmeApi = inject(ProgrammeApiService);
  private readonly api = inject(ProgrammeYearEndApiService);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly categories = COST_CATEGORIES;
  protected readonly kinds = MEETING_KINDS;
  protected readonly today = localDate();

  protected readonly state = this.load((id) => this.programmeApi.fetchContract(id));
  protected readonly contract = computed(() => loaded(this.state()));
  private readonly meetingsState = this.load((id) => this.api.fetchMeetings(id));
  private readonly settlementsState = this.load((id) => this.api.fetchSettlements(id));
  private readonly deliverablesState = this.load((id) => this.api.fetchDeliverables(id));

  protected readonly meetings = computed(() => loaded(this.meetingsState())?.items ?? []);
  protected readonly settlements = computed(() => loaded(this.settlementsState())?.items ?? []);
  protected readonly deliverables = computed(() => loaded(this.deliverablesState())?.items ?? []);

  private readonly actor = this.session.actor;
  protected readonly oversight = computed(() => {
    const actor = this.actor();
    return actor !== null && canInspectYearEnd(actor);
  });
  protected readonly contractor = computed(() => {
    const actor = this.actor();
    const c = this.contract();
    return actor !== null && c !== null && actor.role !== 'viewer' && actor.orgType === 'COMPANY' && actor.orgId === c.company.orgId;
  });
  protected readonly canSchedule = computed(() => {
    const actor = this.actor();
    const c = this.contract();
    return actor !== null && c !== null && canScheduleReportMeeting(actor, c.company.orgId);
  });
  protected readonly canHold = computed(() => {
    const actor = this.actor();
    const c = this.contract();
    return actor !== null && c !== null && canRecordMeetingHeld(actor, c.company.orgId);
  });
  protected readonly canConfirm = computed(() => {
    const actor = this.actor();
    const c = this.contract();
    return actor !== null && c !== null && canConfirmMeetingMinutes(actor, c.municipality.orgId);
  });
  /** 精算報告 are the contractor's and MOE's only (§1.3): the cities do not see the section. */
  protected readonly showsSettlements = computed(() => this.oversight() || this.contractor());
  protected readonly adjustable = computed(() => {
    const c = this.contract();
    return c !== null && (CONTRACT_ADJUSTABLE_STATES as readonly string[]).includes(c.state);
  });

  /** Submitted + accepted reports: what counts against the contract amount (C3P-S1). */
  protected readonly settledYen = computed(() =>
    this.settlements()
      .filter((s) => SETTLEMENT_COUNTED_STATES.includes(s.state))
      .reduce((sum, s) => sum + s.totalInclTaxYen, 0),
  );

  protected readonly busy = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly notice = signal<MessageKey | null>(null);

  // 精算報告の編集
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
    const { lines } = this.draftLines();
    const result = liveBudget(lines, null).result;
    const draft = this.draft();
    const c = this.contract();
    // The other counted reports: the one being edited is not double-counted.
    const elsewhere = this.settlements()
      .filter((s) => SETTLEMENT_COUNTED_STATES.includes(s.state) && s.id !== draft?.reportId)
      .reduce((sum, s) => sum + s.totalInclTaxYen, 0);
    const cumulative = elsewhere + result.totalInclTaxYen;
    return {
      consumptionTaxYen: result.consumptionTaxYen,
      cumulative,
      subtotalExclTaxYen: result.subtotalExclTaxYen,
      totalInclTaxYen: result.totalInclTaxYen,
      withinAmount: c !== null && cumulative <= c.contractAmountYen,
    };
  });

  // 減額・中止
  protected readonly reduceOpen = signal(false);
  protected readonly suspendOpen = signal(false);
  private reduceKey = newIdempotencyKey();

  /** Loads with the page; a reload after an action keeps the shown data until the new reply (no flicker). */
  private load<T>(fetch: (id: string) => Observable<T>) {
    return toSignal(
      combineLatest([toObservable(this.id), this.reload$]).pipe(
        switchMap(([id], index) => (index === 0 ? loadState(fetch(id)) : loadState(fetch(id)).pipe(skip(1)))),
      ),
      { initialValue: { status: 'loading' } as LoadState<T> },
    );
  }

  protected meetingOf(kind: ReportMeetingKind): ReportMeetingView | null {
    return this.meetings().find((m) => m.kind === kind) ?? null;
  }

  protected confirmedByMe(meeting: ReportMeetingView): boolean {
    const orgId = this.actor()?.orgId;
    return meeting.minutesConfirmations.some((c) => c.orgId === orgId);
  }

  protected enumLabel(group: 'meetingKind' | 'meetingState' | 'settlementState' | 'deliverableState' | 'amountReason', value: string): string {
    return this.i18n.t(`ye.${group}.${value}` as MessageKey);
  }

  protected categoryLabel(category: string): string {
    return this.label('costCategory', category);
  }

  // 報告会
  protected schedule(kind: ReportMeetingKind, scheduledOn: string, onlineUrl: string): void {
    const c = this.contract();
    if (!c) return;
    if (!scheduledOn) return this.invalid();
    this.act(this.api.scheduleMeeting(c.id, kind, scheduledOn, onlineUrl.trim() || undefined), 'ye.done.scheduled');
  }

  protected submitMaterials(meeting: ReportMeetingView, title: string, reference: string): void {
    if (!title.trim()) return this.invalid();
    const ref = reference.trim();
    const material = { title: title.trim(), ...(ref === '' ? {} : /^https?:\/\//.test(ref) ? { url: ref } : { fileRef: ref }) };
    this.act(this.api.submitMaterials(meeting.id, [material]), 'ye.done.materials');
  }

  protected hold(meeting: ReportMeetingView, heldOn: string): void {
    if (!heldOn) return this.invalid();
    this.act(this.api.holdMeeting(meeting.id, heldOn), 'ye.done.held');
  }

  protected recordMinutes(meeting: ReportMeetingView, text: string): void {
    if (!text.trim()) return this.invalid();
    this.act(this.api.recordMinutes(meeting.id, text.trim()), 'ye.done.minutes');
  }

  protected meetingAction(meeting: ReportMeetingView, action: MeetingAction): void {
    this.act(this.api.meetingAction(meeting.id, action), action === 'confirm-minutes' ? 'ye.done.confirmed' : 'ye.done.requested');
  }

  // 精算報告
  protected newSettlement(): void {
    const c = this.contract();
    if (!c) return;
    this.problem.set(null);
    this.draft.set({ amounts: {}, periodFrom: c.startDate, periodTo: c.endDate, reportId: null });
  }

  protected editSettlement(report: SettlementReportView): void {
    const amounts: Partial<Record<CostCategory, string>> = {};
    for (const line of report.lines) amounts[line.category] = String((Number(amounts[line.category] ?? 0) || 0) + line.amountYen);
    this.problem.set(null);
    this.draft.set({ amounts, periodFrom: report.periodFrom, periodTo: report.periodTo, reportId: report.id });
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
    const c = this.contract();
    const draft = this.draft();
    const { bad, lines } = this.draftLines();
    if (!c || !draft) return;
    if (bad.length > 0 || lines.length === 0 || !draft.periodFrom || !draft.periodTo) return this.invalid('ye.settlement.err');
    const input = { lines, periodFrom: draft.periodFrom, periodTo: draft.periodTo };
    const request = draft.reportId ? this.api.updateSettlement(draft.reportId, input) : this.api.createSettlement(c.id, input);
    this.act(request, 'ye.done.settlementSaved', () => this.draft.set(null));
  }

  protected settlementAction(report: SettlementReportView, action: 'submit' | 'accept'): void {
    this.act(this.api.settlementAction(report.id, action), action === 'submit' ? 'ye.done.settlementSubmitted' : 'ye.done.settlementAccepted');
  }

  protected returnSettlement(report: SettlementReportView, comment: string): void {
    if (!comment.trim()) return this.invalid();
    this.act(this.api.returnSettlement(report.id, comment.trim()), 'ye.done.returned');
  }

  // 成果物
  protected submitDeliverable(item: DeliverableView, reference: string, note: string): void {
    const ref = reference.trim();
    const text = note.trim();
    if (!ref && !text) return this.invalid('ye.deliverable.err');
    const submission = { ...(ref === '' ? {} : /^https?:\/\//.test(ref) ? { url: ref } : { fileRef: ref }), ...(text ? { note: text } : {}) };
    this.act(this.api.submitDeliverable(item.id, submission), 'ye.done.deliverableSubmitted');
  }

  protected acceptDeliverable(item: DeliverableView): void {
    this.act(this.api.acceptDeliverable(item.id), 'ye.done.deliverableAccepted');
  }

  protected returnDeliverable(item: DeliverableView, comment: string): void {
    if (!comment.trim()) return this.invalid();
    this.act(this.api.returnDeliverable(item.id, comment.trim()), 'ye.done.returned');
  }

  // 減額・中止
  protected reduce(amountRaw: string, effectiveDate: string, note: string): void {
    const c = this.contract();
    const newAmountYen = parseYen(amountRaw);
    if (!c || newAmountYen === null || Number.isNaN(newAmountYen) || !effectiveDate || !note.trim()) return this.invalid('ye.reduce.err');
    this.act(this.api.reduceContract(c.id, { effectiveDate, newAmountYen, note: note.trim() }, this.reduceKey), 'ye.done.reduced', () => {
      this.reduceKey = newIdempotencyKey();
      this.reduceOpen.set(false);
    });
  }

  protected suspend(note: string): void {
    const c = this.contract();
    if (!c) return;
    this.act(this.api.suspendContract(c.id, note.trim() || undefined), 'ye.done.suspended', () => this.suspendOpen.set(false));
  }

  private invalid(key: MessageKey = 'prog.form.required'): void {
    this.notice.set(null);
    this.problem.set({ detail: null, issues: [], key, refusals: [] });
  }

  private act(request: Observable<unknown>, done: MessageKey, after?: () => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set(null);
    request.subscribe({
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(problemOf(error));
      },
      next: () => {
        this.busy.set(false);
        after?.();
        this.notice.set(done);
        this.reload$.next();
      },
    });
  }
}
