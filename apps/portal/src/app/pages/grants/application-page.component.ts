import {
  ChangeDetectionStrategy,
  Component,
  OnDestroy,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { Observable, Subject, debounceTime, forkJoin } from 'rxjs';

import {
  ApplicationCheck,
  ApplicationFinding,
  ApplicationReviewView,
  ApplicationVersionList,
  ApplicationView,
  ScreeningItem,
  seesAllRecords,
} from '@jcm/contracts';
import { httpStatus, newIdempotencyKey, yen } from '@jcm/portal-ui';

import { SessionService } from '../../core/session.service';
import { MessageKey } from '../../i18n/messages.ja';
import { TranslationService } from '../../i18n/translation.service';
import { JcmFindingsListComponent } from '../../components/findings-list/findings-list.component';
import { GrantsApiService } from './grants-api.service';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The same merge the service applies (RFC 7396), so pending edits combine before they are sent. */
function merge(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Json = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) out[k] = v === null ? null : merge(out[k], v);
  return out;
}
const POINTS = ['A1', 'A2', 'B1', 'B2', 'B3', 'C', 'D', 'E'] as const;
type Points = Record<(typeof POINTS)[number], number>;

/**
 * One JCM application: the form in sections with each finding next to the field it concerns (recomputed on every
 * autosave), the subsidy figures from the call preset, the timeline, returns with their diffs; for GEC the
 * screening, score, return and adoption forms. Unsent edits are kept in localStorage until a save succeeds.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmFindingsListComponent, RouterLink],
  selector: 'jcm-grant-application-page',
  styleUrl: '../programme/shared/programme.scss',
  templateUrl: './application-page.component.html',
})
export class JcmGrantApplicationPageComponent implements OnDestroy {
  public readonly id = input.required<string>();
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(GrantsApiService);
  private readonly session = inject(SessionService);

  protected readonly app = signal<ApplicationView | null>(null);
  protected readonly check = signal<ApplicationCheck | null>(null);
  protected readonly versions = signal<ApplicationVersionList['items']>([]);
  protected readonly review = signal<ApplicationReviewView | null>(null);
  protected readonly failed = signal(false);
  protected readonly saveState = signal<'idle' | 'saving' | 'saved' | 'pending' | 'conflict'>('idle');
  protected readonly message = signal<string | null>(null);
  protected readonly busy = signal(false);

  protected readonly oversight = computed(() => {
    const a = this.session.actor();
    return a !== null && seesAllRecords(a);
  });
  protected readonly editable = computed(() => {
    const a = this.app();
    return a !== null && !this.oversight() && ['draft', 'returned'].includes(a.state);
  });
  protected readonly screeningItems = ScreeningItem.options;
  protected readonly pointKeys = POINTS;
  protected readonly screening = signal<Record<string, boolean>>(
    Object.fromEntries(ScreeningItem.options.map((i) => [i, true])),
  );
  protected readonly points = signal<Points>({ A1: 0, A2: 0, B1: 0, B2: 0, B3: 0, C: 0, D: 0, E: 0 });
  protected readonly returnSection = signal('8');
  protected readonly returnComment = signal('');
  protected readonly rejectReason = signal('');
  protected readonly delegateOrg = signal('');
  protected readonly delegateUntil = signal('');
  private submitKey = newIdempotencyKey();
  private scoreKey = newIdempotencyKey();
  private adoptKey = newIdempotencyKey();

  private pending: Json = {};
  private readonly edits$ = new Subject<void>();
  private readonly subscription = this.edits$.pipe(debounceTime(800)).subscribe(() => this.flush());

  public constructor() {
    effect(() => this.load(this.id()));
  }

  public ngOnDestroy(): void {
    this.subscription.unsubscribe();
  }

  private get storageKey(): string {
    return `jcm.grants.pending.${this.id()}`;
  }

  private load(id: string): void {
    forkJoin({
      app: this.api.fetchApplication(id),
      check: this.api.fetchFindings(id),
      versions: this.api.fetchVersions(id),
      review: this.api.fetchReview(id),
    }).subscribe({
      error: () => this.failed.set(true),
      next: (r) => {
        this.app.set(r.app);
        this.check.set(r.check);
        this.versions.set(r.versions.items);
        this.review.set(r.review);
        this.failed.set(false);
        const stored = localStorage.getItem(this.storageKey);
        if (stored && ['draft', 'returned'].includes(r.app.state)) {
          this.pending = JSON.parse(stored) as Json;
          this.saveState.set('pending');
          this.edits$.next();
        }
      },
    });
  }

  /** Records one edit locally first (so nothing typed is lost), then autosaves after a pause. */
  protected edit(patch: Json): void {
    this.pending = merge(this.pending, patch) as Json;
    localStorage.setItem(this.storageKey, JSON.stringify(this.pending));
    this.saveState.set('pending');
    this.edits$.next();
  }

  protected editTechnology(
    index: number,
    field: 'eligibleCostYen' | 'annualReductionT' | 'usefulLifeYears',
    raw: string,
  ): void {
    const a = this.app();
    if (!a) return;
    const current =
      (this.pending['technologies'] as ApplicationView['content']['technologies'] | undefined) ??
      a.content.technologies;
    const value = field === 'annualReductionT' ? raw.trim() : Number(raw.replace(/[,，]/g, ''));
    this.edit({ technologies: current.map((t, i) => (i === index ? { ...t, [field]: value } : t)) });
  }

  private flush(): void {
    const a = this.app();
    if (!a || Object.keys(this.pending).length === 0) return;
    const sent = this.pending;
    this.saveState.set('saving');
    this.api.save(a.id, a.version, sent).subscribe({
      error: (e: unknown) => {
        this.saveState.set(httpStatus(e) === 409 ? 'conflict' : 'pending');
        if (httpStatus(e) === 400) this.message.set(this.i18n.t('grants.error', { detail: this.detail(e) }));
      },
      next: (saved) => {
        if (this.pending === sent) {
          this.pending = {};
          localStorage.removeItem(this.storageKey);
        }
        this.app.set(saved.application);
        this.check.set(saved.check);
        this.message.set(null);
        this.saveState.set('saved');
        this.api.fetchVersions(a.id).subscribe((v) => this.versions.set(v.items));
      },
    });
  }

  /** Findings shown next to a field: those whose path is the field or below it. */
  protected near(prefix: string): ApplicationFinding[] {
    return (this.check()?.findings ?? []).filter((f) => f.path === prefix || f.path.startsWith(`${prefix}.`));
  }

  protected readonly others = computed(() => {
    const shown = [
      'form.titleJa',
      'form.titleEn',
      'technologies',
      'requestedSubsidyYen',
      'costs',
      'payback',
      'consortium',
    ];
    return (this.check()?.findings ?? []).filter(
      (f) => !shown.some((p) => f.path === p || f.path.startsWith(`${p}.`)),
    );
  });

  protected stateLabel(state: string): string {
    return this.i18n.t(`grants.state.${state}` as MessageKey);
  }

  protected reasonLabel(reason: string): string {
    return this.i18n.t(`grants.reason.${reason}` as MessageKey);
  }

  protected amount(value: number | null): string {
    return value === null ? this.i18n.t('grants.fig.unknown') : yen(value, this.i18n.language());
  }

  protected submit(): void {
    const a = this.app();
    if (!a) return;
    this.act(this.api.submit(a.id, this.submitKey), () => (this.submitKey = newIdempotencyKey()));
  }

  protected delegate(): void {
    const a = this.app();
    if (a) this.act(this.api.delegate(a.id, this.delegateOrg().trim(), this.delegateUntil()));
  }

  protected setItem(item: string, pass: boolean): void {
    this.screening.update((s) => ({ ...s, [item]: pass }));
  }

  protected setPoint(key: (typeof POINTS)[number], raw: string): void {
    this.points.update((p) => ({ ...p, [key]: Number(raw) }));
  }

  protected saveScreening(): void {
    const a = this.app();
    if (a)
      this.act(
        this.api.screen(
          a.id,
          this.screeningItems.map((item) => ({ item, note: '', pass: this.screening()[item] === true })),
        ),
      );
  }

  protected saveScore(): void {
    const a = this.app();
    if (a)
      this.act(
        this.api.score(a.id, this.points(), '', this.scoreKey),
        () => (this.scoreKey = newIdempotencyKey()),
      );
  }

  protected sendReturn(): void {
    const a = this.app();
    if (a && this.returnComment().trim())
      this.act(
        this.api.returnApplication(a.id, [
          { comment: this.returnComment().trim(), section: this.returnSection().trim() || 'form' },
        ]),
      );
  }

  protected adopt(): void {
    const a = this.app();
    const c = this.check();
    if (!a || !c || c.figures.maxSubsidyYen === null) return;
    const assignedRates = c.figures.technologies
      .filter((t) => t.rateCap !== null)
      .map((t) => ({ rate: t.rateCap as string, technologyId: t.technologyId }));
    this.act(
      this.api.adopt(a.id, { assignedRates, maxSubsidyYen: c.figures.maxSubsidyYen }, this.adoptKey),
      () => (this.adoptKey = newIdempotencyKey()),
    );
  }

  protected reject(): void {
    const a = this.app();
    if (a && this.rejectReason().trim()) this.act(this.api.reject(a.id, this.rejectReason().trim(), ''));
  }

  private act(source: Observable<unknown>, after?: () => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.message.set(null);
    source.subscribe({
      error: (e: unknown) => {
        this.busy.set(false);
        this.message.set(this.i18n.t('grants.error', { detail: this.detail(e) }));
      },
      next: () => {
        this.busy.set(false);
        after?.();
        this.load(this.id());
      },
    });
  }

  private detail(e: unknown): string {
    const body = (e as { error?: { message?: string; issues?: { path: string; message: string }[] } }).error;
    return body?.issues?.length
      ? body.issues.map((i) => `${i.path}: ${i.message}`).join(' / ')
      : (body?.message ?? String(httpStatus(e)));
  }
}
