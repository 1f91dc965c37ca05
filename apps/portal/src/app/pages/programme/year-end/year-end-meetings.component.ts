import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { ReportMeetingKind, ReportMeetingView } from '@jcm/contracts';

import { MeetingAction } from '../../../services/programme-year-end-api.service';
import { JcmYearEndSection, refOf } from './year-end-section';

export const MEETING_KINDS: readonly ReportMeetingKind[] = ReportMeetingKind.options;

/** 報告会 (kick-off / interim / final): schedule, materials, held, minutes and their confirmation. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'section[jcm-year-end-meetings]',
  styleUrls: ['../shared/programme.scss', './year-end-page.component.scss'],
  templateUrl: './year-end-meetings.component.html',
})
export class JcmYearEndMeetingsComponent extends JcmYearEndSection {
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
    if (!scheduledOn) return this.invalid();
    this.act(this.api.scheduleMeeting(this.contract().id, kind, scheduledOn, onlineUrl.trim() || undefined), 'ye.done.scheduled');
  }

  protected submitMaterials(meeting: ReportMeetingView, title: string, reference: string): void {
    if (!title.trim()) return this.invalid();
    this.act(this.api.submitMaterials(meeting.id, [{ title: title.trim(), ...refOf(reference) }]), 'ye.done.materials');
  }

  protected hold(meeting: ReportMeetingView, heldOn: string): void {
    if (!heldOn) return this.invalid();
    this.act(this.api.holdMeeting(meeting.id, heldOn), 'ye.done.held');
  }

  protected recordMinutes(meeting: ReportMeetingView, text: string): void {
    if (!text.trim()) return this.invalid();
    this.act(this.api.recordMinutes(meeting.id, text.trim()), 'ye.done.minutes');
  }

  protected meetingAction(meeting: ReportMeetingView, action: MeetingAction): void {
    this.act(this.api.meetingAction(meeting.id, action), action === 'confirm-minutes' ? 'ye.done.confirmed' : 'ye.done.requested');
  }
}
