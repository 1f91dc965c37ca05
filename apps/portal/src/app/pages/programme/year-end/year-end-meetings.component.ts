import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { AnnualContractView, ReportMeetingKind, ReportMeetingView } from '@jcm/contracts';
import { JCM_FORMAT_PIPES, PageActions, pageProblem } from '@jcm/portal-ui';

import { MessageKey } from '../../../i18n/messages.ja';
import { TranslationService } from '../../../i18n/translation.service';
import { ProgrammeYearEndApiService } from '../../../services/programme-year-end-api.service';
import { localDate } from '../shared/programme-labels';
import { MeetingAction } from '../../../services/programme-year-end-api.service';
import { YearEndRoles, refOf } from './year-end-section';

export const MEETING_KINDS: readonly ReportMeetingKind[] = ReportMeetingKind.options;

/** 報告会 (kick-off / interim / final): schedule, materials, held, minutes and their confirmation. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JCM_FORMAT_PIPES],
  selector: 'section[jcm-year-end-meetings]',
  styleUrls: ['../shared/programme.scss', './year-end-page.component.scss'],
  templateUrl: './year-end-meetings.component.html',
})
export class JcmYearEndMeetingsComponent {
  /** The contract, the reader's roles and the page's one action runner, from the year-end page. */
  public readonly contract = input.required<AnnualContractView>();
  public readonly roles = input.required<YearEndRoles>();
  public readonly actions = input.required<PageActions<MessageKey>>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(ProgrammeYearEndApiService);
  protected readonly busy = computed(() => this.actions().busy());
  protected readonly today = localDate();
  public readonly meetings = input.required<readonly ReportMeetingView[]>();

  protected readonly kinds = MEETING_KINDS;

  protected meetingOf(kind: ReportMeetingKind): ReportMeetingView | null {
    return this.meetings().find((m) => m.kind === kind) ?? null;
  }

  protected confirmedByMe(meeting: ReportMeetingView): boolean {
    const orgId = this.roles().orgId;
    return meeting.minutesConfirmations.some((c) => c.orgId === orgId);
  }

  protected schedule(kind: ReportMeetingKind, scheduledOn: string, onlineUrl: string): void {
    if (!scheduledOn) return this.actions().fail(pageProblem('prog.form.required'));
    this.actions().act(
      this.api.scheduleMeeting(this.contract().id, kind, scheduledOn, onlineUrl.trim() || undefined),
      'ye.done.scheduled',
    );
  }

  protected submitMaterials(meeting: ReportMeetingView, title: string, reference: string): void {
    if (!title.trim()) return this.actions().fail(pageProblem('prog.form.required'));
    this.actions().act(
      this.api.submitMaterials(meeting.id, [{ title: title.trim(), ...refOf(reference) }]),
      'ye.done.materials',
    );
  }

  protected hold(meeting: ReportMeetingView, heldOn: string): void {
    if (!heldOn) return this.actions().fail(pageProblem('prog.form.required'));
    this.actions().act(this.api.holdMeeting(meeting.id, heldOn), 'ye.done.held');
  }

  protected recordMinutes(meeting: ReportMeetingView, text: string): void {
    if (!text.trim()) return this.actions().fail(pageProblem('prog.form.required'));
    this.actions().act(this.api.recordMinutes(meeting.id, text.trim()), 'ye.done.minutes');
  }

  protected meetingAction(meeting: ReportMeetingView, action: MeetingAction): void {
    this.actions().act(
      this.api.meetingAction(meeting.id, action),
      action === 'confirm-minutes' ? 'ye.done.confirmed' : 'ye.done.requested',
    );
  }
}
