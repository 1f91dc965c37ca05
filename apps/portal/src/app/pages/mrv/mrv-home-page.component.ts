import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';

import { JcmProjectPage, MonitoringReportPage } from '@jcm/contracts';
import { JcmLoadStatusComponent, LoadState, loadState, loaded } from '@jcm/portal-ui';

import { SessionService } from '../../core/session.service';
import { MessageKey } from '../../i18n/messages.ja';
import { TranslationService } from '../../i18n/translation.service';
import { MrvApiService } from './mrv-api.service';

/**
 * MRV home: the company's projects and reports, the TPE's assigned queue, MOE's registered projects with the verified
 * tCO2 per period (the service decides what each organisation sees; this page only lists it).
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmLoadStatusComponent, RouterLink],
  selector: 'jcm-mrv-home-page',
  styleUrl: '../programme/shared/programme.scss',
  template: `
    <div class="page">
      <div class="page-header">
        <h1>{{ i18n.t('mrv.title') }}</h1>
        <a routerLink="/mrv/trace" data-testid="trace-link">{{ i18n.t('mrv.traceLink') }}</a>
      </div>
      <p class="muted">{{ i18n.t('mrv.lead') }}</p>

      <h2>{{ i18n.t('mrv.projects') }}</h2>
      <jcm-load-status [status]="projectsState().status" list />
      @if (projects(); as page) {
        @if (page.items.length === 0) {
          <p class="muted">{{ i18n.t('mrv.empty') }}</p>
        } @else {
          <table class="table" data-testid="mrv-projects">
            <thead>
              <tr>
                <th>{{ i18n.t('mrv.col.reference') }}</th>
                <th>{{ i18n.t('mrv.col.title') }}</th>
                <th>{{ i18n.t('mrv.col.country') }}</th>
                <th>{{ i18n.t('mrv.col.status') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (p of page.items; track p.id) {
                <tr [attr.data-reference]="p.projectReference">
                  <td>{{ p.projectReference }}</td>
                  <td>{{ i18n.language() === 'ja' ? p.titleJa : p.titleEn }}</td>
                  <td>{{ p.hostCountry }}</td>
                  <td>{{ status(p.status) }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      }

      <h2>{{ isTpe() ? i18n.t('mrv.queue') : i18n.t('mrv.reports') }}</h2>
      <jcm-load-status [status]="reportsState().status" list />
      @if (reports(); as page) {
        @if (page.items.length === 0) {
          <p class="muted">{{ i18n.t('mrv.empty') }}</p>
        } @else {
          <table class="table" data-testid="mrv-reports">
            <thead>
              <tr>
                <th>{{ i18n.t('mrv.col.reference') }}</th>
                <th>{{ i18n.t('mrv.col.period') }}</th>
                <th>{{ i18n.t('mrv.col.status') }}</th>
                <th class="num">{{ i18n.t('mrv.col.er') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (r of page.items; track r.id) {
                <tr [attr.data-report-id]="r.id">
                  <td>
                    <a [routerLink]="['/mrv/reports', r.id]">{{ r.projectReference }}</a>
                  </td>
                  <td>{{ r.monitoringPeriod.start }} – {{ r.monitoringPeriod.end }}</td>
                  <td data-testid="report-status">{{ status(r.status) }}</td>
                  <td class="num">{{ r.verifiedEmissionReductions ?? r.totalEmissionReductionT ?? '–' }}</td>
                </tr>
              }
            </tbody>
          </table>
          <p data-testid="verified-total">{{ i18n.t('mrv.verifiedTotal') }}: {{ verifiedTotal() }} tCO2</p>
        }
      }
    </div>
  `,
})
export class JcmMrvHomePageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(MrvApiService);
  private readonly session = inject(SessionService);

  protected readonly projectsState = toSignal(loadState(this.api.projects()), {
    initialValue: { status: 'loading' } as LoadState<JcmProjectPage>,
  });
  protected readonly reportsState = toSignal(loadState(this.api.reports()), {
    initialValue: { status: 'loading' } as LoadState<MonitoringReportPage>,
  });
  protected readonly projects = computed(() => loaded(this.projectsState()));
  protected readonly reports = computed(() => loaded(this.reportsState()));
  protected readonly isTpe = computed(() => this.session.actor()?.orgType === 'TPE');
  /** Whole tonnes as BigInt: never summed through floats. */
  protected readonly verifiedTotal = computed(() =>
    (this.reports()?.items ?? [])
      .reduce((sum, r) => sum + BigInt(r.verifiedEmissionReductions ?? '0'), 0n)
      .toString(),
  );

  protected status(value: string): string {
    return this.i18n.t(`mrv.status.${value}` as MessageKey);
  }
}
