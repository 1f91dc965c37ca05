import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { BehaviorSubject, Observable, forkJoin, of, switchMap } from 'rxjs';

import { FindingView, JcmProjectView, MonitoringReportView, ReportTechnologyValues } from '@jcm/contracts';
import {
  evaluateMonitoringReport,
  type Methodology,
  type SeriesEntry,
  validateMethodology,
} from '@jcm/rules';
import {
  JcmLoadStatusComponent,
  JcmProblemBoxComponent,
  LoadState,
  PageActions,
  loadFor,
  loadState,
  loaded,
  newIdempotencyKey,
} from '@jcm/portal-ui';

import { SessionService } from '../../core/session.service';
import { MessageKey } from '../../i18n/messages.ja';
import { TranslationService } from '../../i18n/translation.service';
import { MrvApiService } from './mrv-api.service';

interface Context {
  project: JcmProjectView | null;
  methodologies: Map<string, Methodology>;
}
type Cell = { technologyId: string; parameter: string; index: number };

/**
 * モニタリング報告書: the company edits the monitored values (a live preview runs the same engine as the service), saves
 * and submits; the assigned TPE raises findings and gives its opinion on the stored calculation it reads.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, JcmLoadStatusComponent, JcmProblemBoxComponent, RouterLink],
  selector: 'jcm-mrv-report-page',
  styleUrl: '../programme/shared/programme.scss',
  templateUrl: './mrv-report-page.component.html',
})
export class JcmMrvReportPageComponent {
  public readonly id = input.required<string>();
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(MrvApiService);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly state = loadFor(this.id, this.reload$, (id) => this.api.report(id), {
    quietReload: true,
  });
  protected readonly report = computed(() => loaded(this.state()));
  private readonly projectId = computed(() => this.report()?.projectId ?? null);
  private readonly contextState = toSignal(
    toObservable(this.projectId).pipe(
      switchMap((id) => (id ? loadState(this.context(id)) : of<LoadState<Context>>({ status: 'loading' }))),
    ),
    { initialValue: { status: 'loading' } as LoadState<Context> },
  );
  protected readonly ctx = computed(() => loaded(this.contextState()));
  // Reloaded with the report after every action: a CL or a response changes the findings, not the report's version.
  private readonly findingsState = loadFor(this.id, this.reload$, (id) => this.api.findings(id), {
    quietReload: true,
  });
  protected readonly findings = computed(() => loaded(this.findingsState()));

  /** The values being edited, per technology and parameter (series entries). */
  protected readonly values = signal<ReportTechnologyValues[]>([]);
  /** One busy flag, problem and notice for the page's actions; each success reloads the report and its findings. */
  private readonly actions = new PageActions<MessageKey>(() => this.reload$.next());
  protected readonly busy = this.actions.busy;
  protected readonly problem = this.actions.problem;
  protected readonly done = this.actions.notice;
  protected readonly rerunText = signal<string | null>(null);
  protected readonly verifier = signal('');
  protected readonly findingKind = signal<'CAR' | 'CL' | 'FAR'>('CAR');
  protected readonly findingText = signal('');
  protected readonly answer = signal<Record<string, string>>({});
  protected readonly opinion = signal<'POSITIVE' | 'QUALIFIED' | 'ADVERSE'>('POSITIVE');
  protected readonly statement = signal('');
  protected readonly verificationDate = signal('');
  protected readonly verificationRef = signal('');
  private submitKey = newIdempotencyKey();
  private verifyKey = newIdempotencyKey();

  private readonly actor = this.session.actor;
  protected readonly isCompany = computed(() => {
    const a = this.actor();
    const p = this.ctx()?.project;
    return (
      a !== null && a.role !== 'viewer' && !!p && p.participantOrgIds.includes(a.orgId) && a.orgType !== 'TPE'
    );
  });
  protected readonly editable = computed(
    () => this.isCompany() && ['DRAFT', 'RETURNED'].includes(this.report()?.status ?? ''),
  );
  protected readonly isVerifier = computed(() => {
    const a = this.actor();
    return a !== null && a.orgType === 'TPE' && a.role !== 'viewer' && this.report()?.tpeOrgId === a.orgId;
  });

  /** The same engine as the service, on the values being edited: the preview; the stored result is what counts. */
  protected readonly preview = computed(() => {
    const c = this.ctx();
    const r = this.report();
    if (!c?.project || !r) return null;
    const parts = c.project.technologies.flatMap((t) => {
      const m = c.methodologies.get(`${t.methodologyId}@${t.methodologyVersion}`);
      const own = this.values().find((v) => v.technologyId === t.technologyId)?.values ?? {};
      return m
        ? [
            {
              input: { period: r.monitoringPeriod, values: { ...own, ...t.fixedValues } },
              methodology: m,
              technologyId: t.technologyId,
            },
          ]
        : [];
    });
    return evaluateMonitoringReport(parts);
  });

  public constructor() {
    effect(() => {
      const r = this.report();
      if (r) this.values.set(structuredClone(r.technologies));
    });
  }

  protected status(value: string): string {
    return this.i18n.t(`mrv.status.${value}` as MessageKey);
  }

  protected findingStatus(f: FindingView): string {
    return this.i18n.t(`mrv.finding.status.${f.status}` as MessageKey);
  }

  protected series(technologyId: string): { parameter: string; entries: SeriesEntry[] }[] {
    const v = this.values().find((t) => t.technologyId === technologyId)?.values ?? {};
    return Object.entries(v).flatMap(([parameter, value]) =>
      Array.isArray(value) ? [{ entries: value, parameter }] : [],
    );
  }

  protected setValue(cell: Cell, value: string): void {
    this.values.update((all) =>
      all.map((t) => {
        if (t.technologyId !== cell.technologyId) return t;
        const entries = t.values[cell.parameter];
        if (!Array.isArray(entries)) return t;
        return {
          ...t,
          values: {
            ...t.values,
            [cell.parameter]: entries.map((e, i) => (i === cell.index ? { ...e, value } : e)),
          },
        };
      }),
    );
  }

  protected save(thenSubmit: boolean): void {
    const r = this.report();
    if (!r) return;
    const saved = this.api.update(r.id, r.version, this.values());
    const chain: Observable<MonitoringReportView> = thenSubmit
      ? saved.pipe(switchMap(() => this.api.submit(r.id, this.submitKey)))
      : saved;
    this.run(
      chain,
      thenSubmit ? 'mrv.report.submitted' : 'mrv.report.saved',
      () => (this.submitKey = newIdempotencyKey()),
    );
  }

  protected assign(): void {
    const r = this.report();
    if (r && this.verifier().trim())
      this.run(this.api.assignVerifier(r.id, this.verifier().trim()), 'mrv.report.saved');
  }

  protected rerun(): void {
    const r = this.report();
    if (!r) return;
    this.actions.run(this.api.rerun(r.id), (x) =>
      this.rerunText.set(
        x.identical
          ? this.i18n.t('mrv.report.rerunOk')
          : this.i18n.t('mrv.report.rerunNg', { reason: x.reason ?? '' }),
      ),
    );
  }

  protected raise(): void {
    const r = this.report();
    if (!r || !this.findingText().trim()) return;
    this.run(
      this.api.raise({
        kind: this.findingKind(),
        subject: 'VERIFICATION',
        subjectId: r.id,
        text: this.findingText().trim(),
      }),
      'mrv.report.saved',
      () => this.findingText.set(''),
    );
  }

  protected respond(f: FindingView): void {
    const text = this.answerOf(f.id).trim();
    if (text) this.run(this.api.respond(f.id, text), 'mrv.report.saved');
  }

  protected resolve(f: FindingView): void {
    this.run(this.api.resolve(f.id, this.answerOf(f.id).trim() || 'Resolved'), 'mrv.report.saved');
  }

  protected answerOf(id: string): string {
    return Object.hasOwn(this.answer(), id) ? this.answer()[id] : '';
  }

  protected setAnswer(id: string, text: string): void {
    this.answer.update((a) => ({ ...a, [id]: text }));
  }

  protected verify(): void {
    const r = this.report();
    if (!r?.calculationSha256) return;
    const cmd = {
      calculationSha256: r.calculationSha256,
      id: r.id,
      opinion: this.opinion(),
      statement: this.statement().trim(),
      verificationDate: this.verificationDate(),
      verificationReportRef: this.verificationRef().trim(),
    };
    this.run(
      this.api.verify(cmd, this.verifyKey),
      'mrv.report.verified',
      () => (this.verifyKey = newIdempotencyKey()),
    );
  }

  private run<T>(source: Observable<T>, doneKey: MessageKey, after?: () => void): void {
    this.actions.act(source, doneKey, after);
  }

  private context(projectId: string): Observable<Context> {
    return this.api.project(projectId).pipe(
      switchMap((project) =>
        forkJoin(
          project.technologies.map((t) => this.api.methodology(t.methodologyId, t.methodologyVersion)),
        ).pipe(
          switchMap((versions) => {
            const methodologies = new Map<string, Methodology>();
            for (const v of versions) {
              const m = validateMethodology(v.document);
              if (m.ok) methodologies.set(`${v.methodologyId}@${v.version}`, m.methodology);
            }
            return of({ methodologies, project });
          }),
        ),
      ),
    );
  }
}
