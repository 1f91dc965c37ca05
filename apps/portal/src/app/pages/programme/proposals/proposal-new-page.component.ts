import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormRecord, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { catchError, filter, forkJoin, map, of, switchMap } from 'rxjs';

import {
  BudgetLine,
  CallView,
  CostCategory,
  CreateProposalRequest,
  OrganisationView,
  PartnershipView,
  ProposalView,
  TargetField,
} from '@jcm/contracts';
import {
  JCM_FORMAT_PIPES,
  ActionRunner,
  JcmProblemBoxComponent,
  LoadState,
  loadState,
  loaded,
} from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { JcmFindingsListComponent } from '../../../components/findings-list/findings-list.component';
import { MessageKey } from '../../../i18n/messages.ja';
import { wholeNumberText } from '../../../i18n/number-format';
import { OrganisationsApiService } from '../../../services/organisations-api.service';
import { PartnershipsApiService } from '../../../services/partnerships-api.service';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { COST_CATEGORIES, liveBudget } from '../shared/budget-check';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 企画書の作成 (the applying company): consortium, content, eligibility ①〜⑦ and the budget with a live cap check. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    JCM_FORMAT_PIPES,
    JcmFindingsListComponent,
    JcmProblemBoxComponent,
    ReactiveFormsModule,
    RouterLink,
  ],
  selector: 'jcm-proposal-new-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './proposal-new-page.component.html',
})
export class JcmProposalNewPageComponent {
  protected readonly i18n = inject(TranslationService);
  /** `?callId=` (router input binding). */
  public readonly callId = input<string>('');

  private readonly api = inject(ProgrammeApiService);
  private readonly organisationsApi = inject(OrganisationsApiService);
  private readonly partnershipsApi = inject(PartnershipsApiService);
  private readonly router = inject(Router);

  protected readonly categories = COST_CATEGORIES;
  protected readonly targetFields = TargetField.options;
  protected readonly callState = toSignal(
    toObservable(this.callId).pipe(
      filter((id) => id !== ''),
      switchMap((id) => loadState(this.api.fetchCall(id))),
    ),
    { initialValue: { status: 'loading' } as LoadState<CallView> },
  );
  protected readonly call = computed(() => loaded(this.callState()));
  protected readonly options = toSignal(
    forkJoin({
      municipalities: this.organisationsApi.fetchOrganisations('MUNICIPALITY'),
      partnerCities: this.organisationsApi.fetchOrganisations('PARTNER_CITY'),
      partnerships: this.partnershipsApi
        .fetchPartnerships({ limit: 100, offset: 0, q: '', sort: 'titleJa' })
        .pipe(
          map((page) => page.items),
          catchError(() => of<PartnershipView[]>([])),
        ),
    }).pipe(
      catchError(() =>
        of({
          municipalities: [] as OrganisationView[],
          partnerCities: [] as OrganisationView[],
          partnerships: [] as PartnershipView[],
        }),
      ),
    ),
    { initialValue: null },
  );

  protected readonly form = new FormGroup({
    antiOrganisedCrimePledge: new FormControl(false, { nonNullable: true }),
    budget: new FormRecord(
      Object.fromEntries(COST_CATEGORIES.map((c) => [c, new FormControl('', { nonNullable: true })])),
    ),
    budgetNotes: new FormRecord(
      Object.fromEntries(COST_CATEGORIES.map((c) => [c, new FormControl('', { nonNullable: true })])),
    ),
    cityAgreement: new FormControl<'CONCLUDED' | 'PLANNED' | 'NONE'>('CONCLUDED', { nonNullable: true }),
    fallsUnderBudgetOrderArticle70: new FormControl(false, { nonNullable: true }),
    fallsUnderBudgetOrderArticle71: new FormControl(false, { nonNullable: true }),
    hasLegalPersonality: new FormControl(false, { nonNullable: true }),
    kind: new FormControl<'NEW' | 'CONTINUING'>('CONTINUING', { nonNullable: true }),
    municipalityOrgId: new FormControl('', { nonNullable: true }),
    pairHistory: new FormControl('', { nonNullable: true }),
    partnerCityOrgId: new FormControl('', { nonNullable: true }),
    partnershipId: new FormControl('', { nonNullable: true }),
    phase: new FormControl('1', { nonNullable: true }),
    qualificationGrade: new FormControl('', { nonNullable: true }),
    requested: new FormControl('', { nonNullable: true }),
    summaryEn: new FormControl('', { nonNullable: true }),
    summaryJa: new FormControl('', { nonNullable: true }),
    targetFields: new FormRecord(
      Object.fromEntries(TargetField.options.map((f) => [f, new FormControl(false, { nonNullable: true })])),
    ),
    titleEn: new FormControl('', { nonNullable: true }),
    titleJa: new FormControl('', { nonNullable: true }),
    underNominationSuspension: new FormControl(false, { nonNullable: true }),
    yearInPhase: new FormControl('1', { nonNullable: true }),
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly kind = computed(() => this.value().kind);

  /** Budget lines typed so far; amounts that are not whole yen are reported next to their row. */
  protected readonly lines = computed(() => {
    const { budget, budgetNotes } = this.value();
    const lines: BudgetLine[] = [];
    const bad: string[] = [];
    for (const category of COST_CATEGORIES) {
      const raw = budget[category] ?? '';
      if (raw.trim() === '') continue;
      const text = wholeNumberText(raw);
      if (text === null || !Number.isSafeInteger(Number(text))) {
        bad.push(category);
        continue;
      }
      const amountYen = Number(text);
      if (amountYen === 0) continue;
      const note = (budgetNotes[category] ?? '').trim();
      lines.push({ amountYen, category, ...(note ? { note } : {}) });
    }
    return { bad, lines };
  });
  protected readonly requestedYen = computed(() => {
    const raw = this.value().requested.trim();
    if (raw === '') return null;
    const text = wholeNumberText(raw);
    return text === null ? Number.NaN : Number(text);
  });
  /** The live cap check (checkC3pBudget, C3P_FY2026_CALL1). */
  protected readonly live = computed(() => {
    const requested = this.requestedYen();
    return liveBudget(this.lines().lines, requested === null || Number.isNaN(requested) ? null : requested);
  });

  /** One Idempotency-Key per proposal the user means to create, kept for a retry after a lost reply. */
  private readonly action = new ActionRunner<ProposalView>();
  protected readonly problem = this.action.problem;
  protected readonly missing = signal<string[]>([]);
  protected readonly submitting = this.action.busy;
  /** A call that no longer takes proposals: the form is not offered (#16: it opened for a closed call). */
  protected readonly closedCall = computed(() => {
    const call = this.call();
    return call && call.state !== 'published' ? call : null;
  });

  public constructor() {
    // Continuing proposals usually keep the pair's fields; fill them from the chosen partnership once.
    this.form.controls.partnershipId.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => {
      const pair = this.options()?.partnerships.find((p) => p.id === id);
      if (!pair) return;
      for (const field of pair.targetFields) this.form.controls.targetFields.controls[field]?.setValue(true);
    });
  }

  protected t(key: string): string {
    return this.i18n.t(key as MessageKey);
  }

  protected orgName(org: OrganisationView): string {
    return this.i18n.language() === 'ja' ? org.nameJa : org.nameEn;
  }

  protected isBad(category: CostCategory): boolean {
    return this.lines().bad.includes(category);
  }

  protected useTotal(): void {
    this.form.controls.requested.setValue(String(this.live().result.totalInclTaxYen));
  }

  protected submit(): void {
    const call = this.call();
    if (!call || this.submitting()) return;
    const request = this.request(call);
    if (!request) return;
    this.action.run(
      (key) => this.api.createProposal(request, key),
      (proposal) =>
        void this.router.navigate(['/programme/proposals', proposal.id], { state: { created: true } }),
    );
  }

  /** Builds the request, or lists what is missing (in the reader's language) and returns null. */
  private request(call: CallView): CreateProposalRequest | null {
    const v = this.form.getRawValue();
    const missing: MessageKey[] = [];
    const continuing = v.kind === 'CONTINUING';
    const partnershipId = v.partnershipId.trim();
    if (continuing && !UUID.test(partnershipId)) missing.push('prog.proposal.err.partnership');
    if (!continuing && (!v.municipalityOrgId || !v.partnerCityOrgId)) missing.push('prog.proposal.err.pair');
    if (!v.titleJa.trim() || !v.titleEn.trim()) missing.push('prog.proposal.err.titles');
    if (!v.summaryJa.trim() || !v.summaryEn.trim()) missing.push('prog.proposal.err.summaries');
    const targetFields = TargetField.options.filter((f) => v.targetFields[f]);
    if (targetFields.length === 0) missing.push('prog.proposal.err.targetFields');
    const history = v.pairHistory
      .split(/[\s,、，]+/)
      .filter(Boolean)
      .map(Number);
    if (history.some((y) => !Number.isInteger(y) || y < 2013 || y > 2100))
      missing.push('prog.proposal.err.history');
    const { bad, lines } = this.lines();
    if (bad.length > 0 || lines.length === 0) missing.push('prog.proposal.err.budget');
    const requested = this.requestedYen() ?? this.live().result.totalInclTaxYen;
    if (!Number.isSafeInteger(requested)) missing.push('prog.proposal.err.requested');
    this.missing.set(missing.map((key) => this.i18n.t(key)));
    if (missing.length > 0) {
      this.problem.set({ detail: null, issues: [], key: 'prog.form.fix', refusals: [] });
      return null;
    }
    return {
      budgetLines: lines,
      callId: call.id,
      eligibility: {
        antiOrganisedCrimePledge: v.antiOrganisedCrimePledge,
        cityAgreement: v.cityAgreement,
        fallsUnderBudgetOrderArticle70: v.fallsUnderBudgetOrderArticle70,
        fallsUnderBudgetOrderArticle71: v.fallsUnderBudgetOrderArticle71,
        hasLegalPersonality: v.hasLegalPersonality,
        underNominationSuspension: v.underNominationSuspension,
        unifiedQualification: v.qualificationGrade
          ? { category: '役務の提供等', grade: v.qualificationGrade, subCategory: '調査・研究' }
          : null,
      },
      fiscalYear: call.fiscalYear,
      kind: v.kind,
      otherMemberOrgIds: [],
      pairHistoryFiscalYears: history,
      phase: Number(v.phase),
      requestedYen: requested,
      summaryEn: v.summaryEn.trim(),
      summaryJa: v.summaryJa.trim(),
      targetFields,
      titleEn: v.titleEn.trim(),
      titleJa: v.titleJa.trim(),
      yearInPhase: Number(v.yearInPhase),
      ...(continuing
        ? { partnershipId }
        : { municipalityOrgId: v.municipalityOrgId, partnerCityOrgId: v.partnerCityOrgId }),
    };
  }
}
