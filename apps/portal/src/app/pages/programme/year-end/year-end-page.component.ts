import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { BehaviorSubject, Observable } from 'rxjs';

import {
  canConfirmMeetingMinutes,
  canInspectYearEnd,
  canRecordMeetingHeld,
  canScheduleReportMeeting,
} from '@jcm/contracts';
import {
  JCM_FORMAT_PIPES,
  JcmLoadStatusComponent,
  JcmProblemBoxComponent,
  PageActions,
  loadFor,
  loaded,
} from '@jcm/portal-ui';

import { MessageKey } from '../../../i18n/messages.ja';
import { TranslationService } from '../../../i18n/translation.service';
import { SessionService } from '../../../core/session.service';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { ProgrammeYearEndApiService } from '../../../services/programme-year-end-api.service';
import { JcmYearEndAmountComponent } from './year-end-amount.component';
import { JcmYearEndDeliverablesComponent } from './year-end-deliverables.component';
import { JcmYearEndMeetingsComponent } from './year-end-meetings.component';
import { YearEndRoles } from './year-end-section';
import { JcmYearEndSettlementsComponent } from './year-end-settlements.component';

/**
 * 年度末の手続き of one annual contract: 報告会 (kick-off / interim / final), 精算報告 with live totals and the
 * cumulative check against the contract amount (C3P-ST1), the 成果物 checklist, and MOE's 減額・中止.
 * The page loads the data and works out the reader's roles; each section is its own component.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    JCM_FORMAT_PIPES,
    JcmLoadStatusComponent,
    JcmProblemBoxComponent,
    JcmYearEndAmountComponent,
    JcmYearEndDeliverablesComponent,
    JcmYearEndMeetingsComponent,
    JcmYearEndSettlementsComponent,
    RouterLink,
  ],
  selector: 'jcm-year-end-page',
  styleUrls: ['../shared/programme.scss', './year-end-page.component.scss'],
  templateUrl: './year-end-page.component.html',
})
export class JcmYearEndPageComponent {
  protected readonly i18n = inject(TranslationService);
  public readonly id = input.required<string>();

  private readonly programmeApi = inject(ProgrammeApiService);
  private readonly api = inject(ProgrammeYearEndApiService);
  private readonly session = inject(SessionService);
  private readonly reload$ = new BehaviorSubject<void>(undefined);

  protected readonly actions = new PageActions<MessageKey>(() => this.reload$.next());

  protected readonly state = this.load((id) => this.programmeApi.fetchContract(id));
  protected readonly contract = computed(() => loaded(this.state()));
  private readonly meetingsState = this.load((id) => this.api.fetchMeetings(id));
  private readonly settlementsState = this.load((id) => this.api.fetchSettlements(id));
  private readonly deliverablesState = this.load((id) => this.api.fetchDeliverables(id));

  protected readonly meetings = computed(() => loaded(this.meetingsState())?.items ?? []);
  protected readonly settlements = computed(() => loaded(this.settlementsState())?.items ?? []);
  protected readonly deliverables = computed(() => loaded(this.deliverablesState())?.items ?? []);

  protected readonly roles = computed((): YearEndRoles => {
    const actor = this.session.actor();
    const c = this.contract();
    const on = actor !== null && c !== null;
    return {
      canConfirm: on && canConfirmMeetingMinutes(actor, c.municipality.orgId),
      canHold: on && canRecordMeetingHeld(actor, c.company.orgId),
      canSchedule: on && canScheduleReportMeeting(actor, c.company.orgId),
      contractor:
        on && actor.role !== 'viewer' && actor.orgType === 'COMPANY' && actor.orgId === c.company.orgId,
      orgId: actor?.orgId ?? null,
      oversight: actor !== null && canInspectYearEnd(actor),
    };
  });
  /** 精算報告 are the contractor's and MOE's only (§1.3): the cities do not see the section. */
  protected readonly showsSettlements = computed(() => this.roles().oversight || this.roles().contractor);

  /** Loads with the page; a reload after an action keeps the shown data until the new reply (no flicker). */
  private load<T>(fetch: (id: string) => Observable<T>) {
    return loadFor(this.id, this.reload$, fetch, { quietReload: true });
  }
}
