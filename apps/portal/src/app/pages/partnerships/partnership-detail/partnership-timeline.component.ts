import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { catchError, of, switchMap } from 'rxjs';

import {
  AgreementStatus,
  canAddPartnershipParticipant,
  OtherParticipant,
  PartnershipTimeline,
} from '@jcm/contracts';
import { ActionRunner } from '@jcm/portal-ui';

import { SessionService } from '../../../core/session.service';
import { MessageKey } from '../../../i18n/messages.ja';
import { TranslationService } from '../../../i18n/translation.service';
import { PartnershipsApiService } from '../../../services/partnerships-api.service';

/**
 * 協定と実施年度: the pair's agreement, other participants, years of collaboration and its standing on the
 * 7-year rule, with a form for the municipality or MOE to record the agreement and years before the platform.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink],
  selector: 'jcm-partnership-timeline',
  styleUrl: './partnership-timeline.component.scss',
  templateUrl: './partnership-timeline.component.html',
})
export class JcmPartnershipTimelineComponent {
  public readonly partnershipId = input.required<string>();
  public readonly municipalityOrgId = input.required<string>();
  public readonly otherParticipants = input.required<OtherParticipant[]>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(PartnershipsApiService);
  private readonly session = inject(SessionService);

  protected readonly timeline = signal<PartnershipTimeline | null>(null);
  protected readonly editing = signal(false);
  private readonly action = new ActionRunner<PartnershipTimeline>();
  protected readonly saving = this.action.busy;
  protected readonly message = signal<'saved' | 'failed' | null>(null);
  protected readonly statuses: AgreementStatus[] = ['CONCLUDED', 'PLANNED', 'NONE'];
  protected readonly form = new FormGroup({
    status: new FormControl<AgreementStatus>('PLANNED', { nonNullable: true }),
    type: new FormControl('', { nonNullable: true }),
    date: new FormControl('', { nonNullable: true }),
    history: new FormControl('', { nonNullable: true }),
  });

  protected readonly canEdit = computed(() => {
    const actor = this.session.actor();
    return actor !== null && canAddPartnershipParticipant(actor, this.municipalityOrgId());
  });

  protected readonly rule = computed(() => {
    const r = this.timeline()?.sevenYearRule;
    if (!r) return null;
    const params = { count: r.countedYearsIfContinued, fy: r.nextFiscalYear, max: r.maxYears };
    return {
      allowed: r.continuationAllowed,
      text: this.i18n.t(r.continuationAllowed ? 'timeline.ruleAllowed' : 'timeline.ruleRefused', params),
    };
  });

  public constructor() {
    toObservable(this.partnershipId)
      .pipe(switchMap((id) => this.api.fetchTimeline(id).pipe(catchError(() => of(null)))))
      .subscribe((t) => this.timeline.set(t));
  }

  protected t(key: string): string {
    return this.i18n.t(key as MessageKey);
  }

  protected startEdit(): void {
    const t = this.timeline();
    if (!t) return;
    const declared = t.years.filter((y) => y.source === 'DECLARED').map((y) => y.fiscalYear);
    this.form.setValue({
      status: t.agreement.status,
      type: t.agreement.type ?? '',
      date: t.agreement.date ?? '',
      history: declared.join(', '),
    });
    this.message.set(null);
    this.editing.set(true);
  }

  protected save(): void {
    const v = this.form.getRawValue();
    const history = v.history
      .split(/[,\s、]+/)
      .filter((s) => s !== '')
      .map((s) => Number(s));
    const request = this.api.updateAgreement(this.partnershipId(), {
      agreement: { status: v.status, type: v.type.trim() || null, date: v.date || null },
      declaredHistoryFiscalYears: history,
    });
    this.message.set(null);
    this.action.run(request, {
      done: (t) => {
        this.timeline.set(t);
        this.editing.set(false);
        this.message.set('saved');
      },
      failed: () => this.message.set('failed'),
    });
  }
}
