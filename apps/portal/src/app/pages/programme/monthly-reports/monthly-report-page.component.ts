import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { BehaviorSubject, Observable, switchMap } from 'rxjs';

import {
  AnnualContractView,
  MonthlyReportView,
  UpcomingItem,
  canAcknowledgeMonthlyReport,
  isContractor,
} from '@jcm/contracts';
import {
  JCM_FORMAT_PIPES,
  ActionRunner,
  JcmLoadStatusComponent,
  JcmProblemBoxComponent,
  LoadState,
  Problem,
  loadFor,
  loadState,
  loaded,
} from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { SessionService } from '../../../core/session.service';
import { MessageKey } from '../../../i18n/messages.ja';
import { ProgrammeApiService } from '../../../services/programme-api.service';

type Upcoming = {
  date: string;
  kind: (typeof UpcomingItem)['shape']['kind']['options'][number];
  description: string;
};
const KINDS = UpcomingItem.shape.kind.options;

/** 月次報告: the contractor writes and submits; the Japanese municipality or MOE acknowledges or returns it. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JCM_FORMAT_PIPES, JcmLoadStatusComponent, JcmProblemBoxComponent, RouterLink],
  selector: 'jcm-monthly-report-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './monthly-report-page.component.html',
})
export class JcmMonthlyReportPageComponent {
  protected readonly i18n = inject(TranslationService);
  public readonly id = input.required<string>();

  private readonly api = inject(ProgrammeApiService);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly kinds = KINDS;
  protected readonly state = loadFor(this.id, this.reload$, (id) => this.api.fetchMonthlyReport(id));
  protected readonly report = computed(() => loaded(this.state()));
  private readonly contractId = computed(() => this.report()?.contractId ?? null);
  protected readonly contractState = toSignal(
    toObservable(this.contractId).pipe(
      switchMap((id) =>
        id ? loadState(this.api.fetchContract(id)) : new Observable<LoadState<AnnualContractView>>(),
      ),
    ),
    { initialValue: { status: 'loading' } as LoadState<AnnualContractView> },
  );
  protected readonly contract = computed(() => loaded(this.contractState()));
  protected readonly editable = computed(() => {
    const actor = this.session.actor();
    const contract = this.contract();
    const report = this.report();
    return (
      actor !== null &&
      contract !== null &&
      report !== null &&
      isContractor(actor, contract.company.orgId) &&
      ['draft', 'returned'].includes(report.state)
    );
  });
  protected readonly confirmable = computed(() => {
    const actor = this.session.actor();
    const contract = this.contract();
    const report = this.report();
    return (
      actor !== null &&
      contract !== null &&
      report !== null &&
      canAcknowledgeMonthlyReport(actor, contract.municipality.orgId) &&
      ['submitted', 'resubmitted'].includes(report.state)
    );
  });

  protected readonly progressText = signal('');
  protected readonly upcoming = signal<Upcoming[]>([]);
  protected readonly comment = signal('');
  private readonly action = new ActionRunner();
  protected readonly busy = this.action.busy;
  protected readonly problem = this.action.problem;
  protected readonly done = signal<MessageKey | null>(null);

  public constructor() {
    // The editor starts from what was saved each time the report (re)loads.
    effect(() => {
      const report = this.report();
      if (!report) return;
      this.progressText.set(report.progressText);
      this.upcoming.set(
        report.upcoming.map((u) => ({ date: u.date ?? '', description: u.description, kind: u.kind })),
      );
    });
  }

  protected addUpcoming(): void {
    this.upcoming.update((items) => [...items, { date: '', description: '', kind: 'MEETING' }]);
  }

  protected removeUpcoming(index: number): void {
    this.upcoming.update((items) => items.filter((_, i) => i !== index));
  }

  protected setUpcoming(index: number, field: keyof Upcoming, value: string): void {
    this.upcoming.update((items) =>
      items.map((item, i) => (i === index ? ({ ...item, [field]: value } as Upcoming) : item)),
    );
  }

  protected save(thenSubmit: boolean): void {
    const report = this.report();
    if (!report || this.busy()) return;
    const upcoming = this.upcoming()
      .filter((u) => u.description.trim() !== '')
      .map((u) => ({ description: u.description.trim(), kind: u.kind, ...(u.date ? { date: u.date } : {}) }));
    const saved = this.api.updateMonthlyReport(report.id, { progressText: this.progressText(), upcoming });
    const chain = thenSubmit
      ? saved.pipe(switchMap(() => this.api.monthlyReportAction(report.id, 'submit')))
      : saved;
    this.run(chain, thenSubmit ? 'prog.report.done.submitted' : 'prog.report.done.saved');
  }

  protected acknowledge(): void {
    const report = this.report();
    if (report)
      this.run(this.api.monthlyReportAction(report.id, 'acknowledge'), 'prog.report.done.acknowledged');
  }

  protected giveBack(): void {
    const report = this.report();
    if (!report) return;
    if (!this.comment().trim()) {
      this.problem.set({ detail: null, issues: [], key: 'prog.report.err.comment', refusals: [] });
      return;
    }
    this.run(this.api.returnMonthlyReport(report.id, this.comment().trim()), 'prog.report.done.returned');
  }

  private run(source: Observable<MonthlyReportView>, doneKey: MessageKey): void {
    if (this.busy()) return;
    this.done.set(null);
    this.action.run(source, () => {
      this.done.set(doneKey);
      this.reload$.next();
    });
  }
}
