import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';

import { httpStatus } from '@jcm/portal-ui';

import { TranslationService } from '../../i18n/translation.service';
import { CreditTrace, MrvApiService } from './mrv-api.service';

/** トレーサビリティ: a serial number → issuance → monitoring report → project → grant (the parts the caller may see). */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule],
  selector: 'jcm-mrv-trace-page',
  styleUrl: '../programme/shared/programme.scss',
  template: `
    <div class="page page--narrow">
      <h1>{{ i18n.t('mrv.trace.title') }}</h1>
      <p class="muted">{{ i18n.t('mrv.trace.lead') }}</p>
      <form (ngSubmit)="go()">
        <label>
          {{ i18n.t('mrv.trace.serial') }}
          <input
            name="serial"
            data-testid="trace-serial"
            [ngModel]="serialText()"
            (ngModelChange)="serialText.set($event)"
            placeholder="JP-TH002-2025-1-245"
          />
        </label>
        <button type="submit" class="button" data-testid="trace-go">{{ i18n.t('mrv.trace.go') }}</button>
      </form>
      @if (notFound()) {
        <p class="alert alert--error" role="alert" data-testid="trace-not-found">
          {{ i18n.t('mrv.trace.notFound') }}
        </p>
      }
      @if (trace(); as t) {
        <ol class="chain" data-testid="trace-chain">
          <li data-testid="trace-issuance">
            {{
              i18n.t('mrv.trace.issuance', {
                ref: t.credits.issuance.jointCommitteeDecisionRef,
                quantity: t.credits.issuance.quantity,
                start: t.credits.issuance.monitoringPeriod.start,
                end: t.credits.issuance.monitoringPeriod.end,
              })
            }}
          </li>
          @if (t.mrv; as m) {
            <li data-testid="trace-report">
              {{
                i18n.t('mrv.trace.report', {
                  er: m.report.verifiedEmissionReductions ?? '–',
                  date: m.report.verificationDate ?? '–',
                })
              }}
            </li>
            @if (m.project; as p) {
              <li data-testid="trace-project">
                {{
                  i18n.t('mrv.trace.project', {
                    reference: p.projectReference,
                    title: i18n.language() === 'ja' ? p.titleJa : p.titleEn,
                    country: p.hostCountry,
                    date: p.registeredOn ?? '–',
                  })
                }}
              </li>
            }
            @if (m.grantId) {
              <li data-testid="trace-grant">{{ i18n.t('mrv.trace.grant', { grant: m.grantId }) }}</li>
            }
          } @else {
            <li class="muted" data-testid="trace-hidden">{{ i18n.t('mrv.trace.hidden') }}</li>
          }
        </ol>
      }
    </div>
  `,
})
export class JcmMrvTracePageComponent {
  /** `?serial=` in the address: the page traces it on open (links from the account pages). */
  public readonly serial = input<string>('');
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(MrvApiService);
  private readonly router = inject(Router);
  protected readonly serialText = signal('');
  protected readonly trace = signal<CreditTrace | null>(null);
  protected readonly notFound = signal(false);

  public ngOnInit(): void {
    if (this.serial()) {
      this.serialText.set(this.serial());
      this.go();
    }
  }

  protected go(): void {
    const serial = this.serialText().trim();
    if (!serial) return;
    this.notFound.set(false);
    void this.router.navigate([], { queryParams: { serial }, replaceUrl: true });
    this.api.trace(serial).subscribe({
      error: (e: unknown) => {
        this.trace.set(null);
        this.notFound.set([400, 404].includes(httpStatus(e)));
      },
      next: (t) => this.trace.set(t),
    });
  }
}
