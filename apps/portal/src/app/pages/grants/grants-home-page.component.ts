import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { switchMap } from 'rxjs';

import { ApplicationState, seesAllRecords } from '@jcm/contracts';
import { JcmLoadStatusComponent, loadState, loaded, yen } from '@jcm/portal-ui';

import { SessionService } from '../../core/session.service';
import { MessageKey } from '../../i18n/messages.ja';
import { TranslationService } from '../../i18n/translation.service';
import { ApplicationFilter, GrantsApiService } from './grants-api.service';

/**
 * JCM補助金: the company's applications with their state, GEC's review queue (filters by call, country,
 * technology and state) and, for MOE and GEC, each call's adopted total and budget remaining.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmLoadStatusComponent, RouterLink],
  selector: 'jcm-grants-home-page',
  styleUrl: '../programme/shared/programme.scss',
  template: `
    <div class="page">
      <h1>{{ i18n.t('grants.title') }}</h1>
      <p class="muted">
        {{
          i18n.t(oversight() ? (isMoe() ? 'grants.lead.moe' : 'grants.lead.reviewer') : 'grants.lead.company')
        }}
      </p>

      @if (oversight()) {
        <section class="section">
          <h2>{{ i18n.t('grants.calls') }}</h2>
          <jcm-load-status [status]="callsState().status" />
          <table class="table" data-testid="grant-calls">
            <thead>
              <tr>
                <th>{{ i18n.t('grants.calls') }}</th>
                <th>{{ i18n.t('grants.call.window') }}</th>
                <th>{{ i18n.t('grants.call.budget') }}</th>
                <th>{{ i18n.t('grants.call.adopted') }}</th>
                <th>{{ i18n.t('grants.call.remaining') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (c of calls(); track c.id) {
                <tr>
                  <td>{{ i18n.language() === 'ja' ? c.titleJa : c.titleEn }}</td>
                  <td>{{ c.opensAt.slice(0, 10) }} – {{ c.closesAt.slice(0, 10) }}</td>
                  <td>{{ amount(c.budgetYen) }}</td>
                  <td>{{ amount(c.adoptedYen) }}</td>
                  <td data-testid="budget-remaining">{{ amount(c.budgetRemainingYen) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </section>
      }

      <section class="section">
        <h2>{{ i18n.t(oversight() ? 'grants.queue' : 'grants.myApplications') }}</h2>
        <div class="actions">
          @if (oversight()) {
            <label class="field">
              <span class="field__label">{{ i18n.t('grants.filter.call') }}</span>
              <select class="select" #call (change)="set('callId', call.value)">
                <option value="">{{ i18n.t('grants.filter.all') }}</option>
                @for (c of calls(); track c.id) {
                  <option [value]="c.id">{{ i18n.language() === 'ja' ? c.titleJa : c.titleEn }}</option>
                }
              </select>
            </label>
          }
          <label class="field">
            <span class="field__label">{{ i18n.t('grants.filter.state') }}</span>
            <select class="select" data-testid="filter-state" #st (change)="set('state', st.value)">
              <option value="">{{ i18n.t('grants.filter.all') }}</option>
              @for (s of states; track s) {
                <option [value]="s">{{ stateLabel(s) }}</option>
              }
            </select>
          </label>
          <label class="field">
            <span class="field__label">{{ i18n.t('grants.filter.country') }}</span>
            <input
              class="input"
              maxlength="2"
              placeholder="TH"
              #co
              (change)="set('country', co.value.toUpperCase())"
              style="max-width: 6rem"
            />
          </label>
          <label class="field">
            <span class="field__label">{{ i18n.t('grants.filter.technology') }}</span>
            <input
              class="input"
              placeholder="SOLAR_PV"
              #te
              (change)="set('technologyId', te.value.toUpperCase())"
              style="max-width: 12rem"
            />
          </label>
        </div>
        <jcm-load-status [status]="appsState().status" />
        @if (apps().length === 0 && appsState().status === 'loaded') {
          <p class="muted">{{ i18n.t('grants.none') }}</p>
        } @else {
          <table class="table" data-testid="grant-applications">
            <thead>
              <tr>
                <th>{{ i18n.t('grants.col.title') }}</th>
                <th>{{ i18n.t('grants.col.state') }}</th>
                <th>{{ i18n.t('grants.col.countries') }}</th>
                <th>{{ i18n.t('grants.col.technologies') }}</th>
                <th>{{ i18n.t('grants.col.updated') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (a of apps(); track a.id) {
                <tr>
                  <td>
                    <a [routerLink]="['/grants/applications', a.id]">{{ a.titleJa || a.id }}</a>
                  </td>
                  <td>
                    <span class="badge">{{ stateLabel(a.state) }}</span>
                  </td>
                  <td>{{ a.countries.join(', ') }}</td>
                  <td>{{ a.technologyIds.join(', ') }}</td>
                  <td>{{ a.updatedAt.slice(0, 16).replace('T', ' ') }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      </section>
    </div>
  `,
})
export class JcmGrantsHomePageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(GrantsApiService);
  private readonly session = inject(SessionService);

  protected readonly states = ApplicationState.options;
  protected readonly oversight = computed(() => {
    const actor = this.session.actor();
    return actor !== null && seesAllRecords(actor);
  });
  protected readonly isMoe = computed(() => this.session.actor()?.orgType === 'MOE');
  private readonly filter = signal<ApplicationFilter>({});

  protected readonly callsState = toSignal(loadState(this.api.fetchCalls()), {
    initialValue: { status: 'loading' as const },
  });
  protected readonly calls = computed(() => loaded(this.callsState())?.items ?? []);
  protected readonly appsState = toSignal(
    toObservable(this.filter).pipe(switchMap((f) => loadState(this.api.fetchApplications(f)))),
    {
      initialValue: { status: 'loading' as const },
    },
  );
  protected readonly apps = computed(() => loaded(this.appsState())?.items ?? []);

  protected set(key: keyof ApplicationFilter, value: string): void {
    this.filter.update((f) => ({ ...f, [key]: value || undefined }));
  }

  protected stateLabel(state: string): string {
    return this.i18n.t(`grants.state.${state}` as MessageKey);
  }

  protected amount(value: number): string {
    return yen(value, this.i18n.language());
  }
}
