import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { forkJoin, map, of } from 'rxjs';

import {
  AnnualContractView,
  CallView,
  InterestLetterView,
  MonthlyReportView,
  ProposalView,
} from '@jcm/contracts';
import { JCM_FORMAT_PIPES, JcmLoadStatusComponent, LoadState, loadState, loaded, pick } from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { SessionService } from '../../../core/session.service';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { JcmProposalTableComponent } from '../shared/proposal-table.component';
import { programmeRoleOf } from '../shared/programme-labels';

/** 事業年度の入口: what the signed-in organisation works on this year, by its role (city-partnerships.md §1.3). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JCM_FORMAT_PIPES, JcmLoadStatusComponent, JcmProposalTableComponent, RouterLink],
  selector: 'jcm-programme-home-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './programme-home-page.component.html',
})
export class JcmProgrammeHomePageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(ProgrammeApiService);
  private readonly session = inject(SessionService);

  protected readonly me = this.session.me;
  protected readonly role = computed(() => programmeRoleOf(this.me()?.organisation.type));
  protected readonly writes = computed(() => this.me()?.role !== 'viewer');

  private readonly initialRole = programmeRoleOf(this.session.me()?.organisation.type);

  protected readonly calls = toSignal(
    loadState(
      this.api.fetchCalls(
        this.initialRole === 'oversight' ? { sort: '-createdAt' } : { sort: 'closesOn', state: 'published' },
      ),
    ),
    { initialValue: { status: 'loading' } as LoadState<{ items: CallView[]; total: number }> },
  );
  protected readonly proposals = toSignal(
    this.initialRole === 'oversight'
      ? of<LoadState<{ items: ProposalView[]; total: number }>>({
          status: 'loaded',
          data: { items: [], total: 0 },
        })
      : loadState(this.api.fetchProposals()),
    { initialValue: { status: 'loading' } as LoadState<{ items: ProposalView[]; total: number }> },
  );
  /** Contracts with their owed-and-late reports counted, one list call each (server-side filter `overdue=true`). */
  protected readonly contracts = toSignal(
    loadState(
      forkJoin({
        contracts: this.api.fetchContracts({ limit: 200 }),
        overdue: this.api.fetchMonthlyReports({ overdue: true }),
      }).pipe(
        map(({ contracts, overdue }) => ({
          items: contracts.items.map((contract) => ({
            contract,
            overdue: overdue.items.filter((report) => report.contractId === contract.id),
          })),
          total: contracts.total,
        })),
      ),
    ),
    {
      initialValue: { status: 'loading' } as LoadState<{
        items: { contract: AnnualContractView; overdue: MonthlyReportView[] }[];
        total: number;
      }>,
    },
  );
  /** Reports waiting for the municipality's or MOE's confirmation (submitted or resubmitted). */
  protected readonly awaiting = toSignal(
    ['oversight', 'municipality'].includes(this.initialRole)
      ? loadState(
          forkJoin([
            this.api.fetchMonthlyReports({ state: 'submitted' }),
            this.api.fetchMonthlyReports({ state: 'resubmitted' }),
          ]).pipe(
            map(([a, b]) => [...a.items, ...b.items].sort((x, y) => x.dueDate.localeCompare(y.dueDate))),
          ),
        )
      : of<LoadState<MonthlyReportView[]>>({ status: 'loaded', data: [] }),
    { initialValue: { status: 'loading' } as LoadState<MonthlyReportView[]> },
  );
  protected readonly letters = toSignal(
    ['municipality', 'partner'].includes(this.initialRole)
      ? loadState(this.api.fetchLetters())
      : of<LoadState<{ items: InterestLetterView[]; total: number }>>({
          status: 'loaded',
          data: { items: [], total: 0 },
        }),
    { initialValue: { status: 'loading' } as LoadState<{ items: InterestLetterView[]; total: number }> },
  );

  protected readonly callsData = computed(() => loaded(this.calls()));
  protected readonly proposalsData = computed(() => loaded(this.proposals()));
  protected readonly contractsData = computed(() => loaded(this.contracts()));
  protected readonly awaitingData = computed(() => loaded(this.awaiting()));
  protected readonly lettersData = computed(() => loaded(this.letters()));

  protected readonly contractTitles = computed(() => {
    const state = this.contracts();
    const titles = new Map<string, string>();
    if (state.status === 'loaded')
      for (const { contract } of state.data.items)
        titles.set(contract.id, pick(this.i18n.language(), contract.titleJa, contract.titleEn));
    return titles;
  });

  /** The issuer acts on a letter it has not yet signed and uploaded. */
  protected letterNeedsAction(letter: InterestLetterView): boolean {
    return letter.state === 'requested' && letter.issuer.orgId === this.me()?.organisation.id;
  }
}
