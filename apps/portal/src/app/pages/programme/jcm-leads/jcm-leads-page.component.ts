import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { BehaviorSubject, combineLatest, switchMap } from 'rxjs';

import { JCM_LEAD_NEXT, JcmLeadPage, JcmLeadStatus, JcmLeadView, PartnershipPage } from '@jcm/contracts';
import {
  JCM_FORMAT_PIPES,
  JcmLoadStatusComponent,
  JcmProblemBoxComponent,
  LoadState,
  PageActions,
  loadState,
  loaded,
  pick,
} from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { SessionService } from '../../../core/session.service';
import { MessageKey } from '../../../i18n/messages.ja';
import { PartnershipsApiService } from '../../../services/partnerships-api.service';
import { ProgrammeYearEndApiService } from '../../../services/programme-year-end-api.service';
import { parseYen } from '../shared/programme-labels';

const PAGE_SIZE = 20;
export const LEAD_SORTS = ['-createdAt', 'createdAt', '-estimatedCostYen', 'estimatedCostYen'] as const;
type LeadSort = (typeof LEAD_SORTS)[number];
const SORT_LABEL: Record<LeadSort, MessageKey> = {
  '-createdAt': 'ye.leads.sortNewest',
  createdAt: 'ye.leads.sortOldest',
  '-estimatedCostYen': 'ye.leads.sortCostDesc',
  estimatedCostYen: 'ye.leads.sortCostAsc',
};
const DECIMAL = /^\d+(\.\d+)?$/;

/** JCM案件（出口戦略）: leads found through the partnerships, filtered, sorted and paged on the server; record and advance. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JCM_FORMAT_PIPES, JcmLoadStatusComponent, JcmProblemBoxComponent, RouterLink],
  selector: 'jcm-leads-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './jcm-leads-page.component.html',
})
export class JcmLeadsPageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(ProgrammeYearEndApiService);
  private readonly partnershipsApi = inject(PartnershipsApiService);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly statuses = JcmLeadStatus.options;
  protected readonly sorts = LEAD_SORTS;
  protected readonly status = signal<JcmLeadStatus | ''>('');
  protected readonly sort = signal<LeadSort>('-createdAt');
  protected readonly offset = signal(0);
  protected readonly pageSize = PAGE_SIZE;

  protected readonly state = toSignal(
    combineLatest([
      toObservable(this.status),
      toObservable(this.sort),
      toObservable(this.offset),
      this.reload$,
    ]).pipe(
      switchMap(([status, sort, offset]) =>
        loadState(this.api.fetchLeads({ limit: PAGE_SIZE, offset, sort, status: status || undefined })),
      ),
    ),
    { initialValue: { status: 'loading' } as LoadState<JcmLeadPage> },
  );
  protected readonly page = computed(() => loaded(this.state()));
  protected readonly partnershipsState = toSignal(
    loadState(this.partnershipsApi.fetchPartnerships({ limit: 100, offset: 0, q: '', sort: 'titleJa' })),
    { initialValue: { status: 'loading' } as LoadState<PartnershipPage> },
  );
  protected readonly partnerships = computed(() => loaded(this.partnershipsState())?.items ?? []);
  protected readonly pairTitles = computed(
    () => new Map(this.partnerships().map((p) => [p.id, pick(this.i18n.language(), p.titleJa, p.titleEn)])),
  );
  protected readonly writes = computed(() => {
    const actor = this.session.actor();
    return actor !== null && actor.role !== 'viewer';
  });

  protected readonly formOpen = signal(false);
  private readonly actions = new PageActions<MessageKey>(() => this.reload$.next());
  protected readonly busy = this.actions.busy;
  protected readonly problem = this.actions.problem;
  protected readonly notice = this.actions.notice;

  protected statusLabel(status: string): string {
    return this.i18n.t(`ye.leadStatus.${status}` as MessageKey);
  }

  protected sortLabel(sort: LeadSort): string {
    return this.i18n.t(SORT_LABEL[sort]);
  }

  protected next(lead: JcmLeadView): readonly JcmLeadStatus[] {
    return JCM_LEAD_NEXT[lead.status];
  }

  protected setStatus(value: string): void {
    this.status.set(value as JcmLeadStatus | '');
    this.offset.set(0);
  }

  protected setSort(value: string): void {
    this.sort.set(value as LeadSort);
    this.offset.set(0);
  }

  protected turn(delta: number): void {
    this.offset.set(Math.max(0, this.offset() + delta * PAGE_SIZE));
  }

  protected range(page: JcmLeadPage): string {
    const from = page.total === 0 ? 0 : this.offset() + 1;
    return this.i18n.t('ye.leads.range', { from, to: this.offset() + page.items.length, total: page.total });
  }

  protected record(f: {
    pair: string;
    titleJa: string;
    titleEn: string;
    technology: string;
    tco2: string;
    cost: string;
  }): void {
    const estimatedCostYen = parseYen(f.cost);
    const tco2 = f.tco2.trim();
    if (
      !f.pair ||
      !f.titleJa.trim() ||
      !f.titleEn.trim() ||
      !f.technology.trim() ||
      !DECIMAL.test(tco2) ||
      estimatedCostYen === null ||
      Number.isNaN(estimatedCostYen)
    ) {
      this.problem.set({ detail: null, issues: [], key: 'ye.leads.err', refusals: [] });
      return;
    }
    const lead = {
      consortium: [],
      estimatedCostYen,
      estimatedTco2PerYear: tco2,
      technology: f.technology.trim(),
      titleEn: f.titleEn.trim(),
      titleJa: f.titleJa.trim(),
    };
    this.actions.act(this.api.recordLead(f.pair, lead), 'ye.leads.recorded', () => this.formOpen.set(false));
  }

  protected advance(lead: JcmLeadView, status: string): void {
    if (!status) return;
    this.actions.act(this.api.advanceLead(lead.id, status as JcmLeadStatus), 'ye.leads.advanced');
  }
}
