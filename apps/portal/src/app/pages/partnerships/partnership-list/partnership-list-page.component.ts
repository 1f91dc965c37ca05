import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  BehaviorSubject,
  catchError,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  map,
  of,
  switchMap,
  tap,
} from 'rxjs';

import { PartnershipPage, PartnershipView, canCreatePartnership } from '@jcm/contracts';
import { JcmLoadStatusComponent, formatDate } from '@jcm/portal-ui';

import { SessionService } from '../../../core/session.service';
import { countryName } from '../../../i18n/format';
import { TranslationService } from '../../../i18n/translation.service';
import { PartnershipSort, PartnershipsApiService } from '../../../services/partnerships-api.service';
import { partnershipTitle, partyName, targetFieldLabels } from '../shared/partnership-labels';
import { PAGE_SIZE, PARTNERSHIP_SORTS, readListUrlState, toApiQuery } from './partnership-list-query';

const SEARCH_DEBOUNCE_MS = 350;

/** 都市間連携プロジェクト一覧: searched, sorted and paged on the server. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmLoadStatusComponent, ReactiveFormsModule, RouterLink],
  selector: 'jcm-partnership-list-page',
  styleUrl: './partnership-list-page.component.scss',
  templateUrl: './partnership-list-page.component.html',
})
export class JcmPartnershipListPageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(PartnershipsApiService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);

  protected readonly sorts = PARTNERSHIP_SORTS;
  protected readonly urlState = toSignal(this.route.queryParamMap.pipe(map(readListUrlState)), {
    requireSync: true,
  });
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly page = signal<PartnershipPage | null>(null);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  private readonly reload$ = new BehaviorSubject<void>(undefined);
  /** The last q this page put in the URL, to tell our own navigations from Back/Forward. */
  private searchedQ = this.urlState().q;

  protected readonly canCreate = computed(() => {
    const actor = this.session.actor();
    return actor !== null && canCreatePartnership(actor);
  });
  protected readonly pageCount = computed(() =>
    Math.max(1, Math.ceil((this.page()?.total ?? 0) / PAGE_SIZE)),
  );
  protected readonly range = computed(() => {
    const page = this.page();
    const from = (this.urlState().page - 1) * PAGE_SIZE + 1;
    return page ? { from, to: from + page.items.length - 1, total: page.total } : null;
  });

  public constructor() {
    combineLatest([this.route.queryParamMap.pipe(map(readListUrlState)), this.reload$])
      .pipe(
        tap(() => {
          this.loading.set(true);
          this.failed.set(false);
        }),
        switchMap(([state]) =>
          this.api.fetchPartnerships(toApiQuery(state)).pipe(
            catchError(() => {
              this.failed.set(true);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        if (page) this.page.set(page);
        this.loading.set(false);
      });

    this.search.valueChanges
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((q) => this.applySearch(q));

    // Follow the URL when it changes from outside (Back/Forward, links), never while the user types.
    this.search.setValue(this.searchedQ, { emitEvent: false });
    effect(() => {
      const q = this.urlState().q;
      if (q === this.searchedQ) return;
      this.searchedQ = q;
      this.search.setValue(q, { emitEvent: false });
    });
  }

  protected sortLabel(sort: PartnershipSort): string {
    return this.i18n.t(`partnerships.sort.${sort}`);
  }

  protected title(partnership: PartnershipView): string {
    return partnershipTitle(partnership, this.i18n.language());
  }

  protected city(party: PartnershipView['partnerCity']): string {
    return partyName(party, this.i18n.language());
  }

  protected country(code: string): string {
    return countryName(code, this.i18n.language());
  }

  protected fields(partnership: PartnershipView): string[] {
    return targetFieldLabels(partnership, this.i18n);
  }

  protected date(iso: string): string {
    return formatDate(iso, this.i18n.language());
  }

  protected applySearch(q: string = this.search.value): void {
    const trimmed = q.trim();
    if (trimmed === this.urlState().q) return;
    this.searchedQ = trimmed;
    this.navigate({ page: null, q: trimmed || null }, true);
  }

  protected changeSort(sort: string): void {
    this.navigate({ page: null, sort: sort === '-createdAt' ? null : sort }, false);
  }

  protected retry(): void {
    this.reload$.next();
  }

  private navigate(queryParams: Record<string, string | null>, replaceUrl: boolean): void {
    void this.router.navigate([], {
      queryParams,
      queryParamsHandling: 'merge',
      relativeTo: this.route,
      replaceUrl,
    });
  }
}
