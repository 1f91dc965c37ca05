import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AnnualContractState,
  canConfirmMeetingMinutes,
  canInspectYearEnd,
  canRecordMeetingHeld,
  canScheduleReportMeeting,
  DomainError,
  HoldReportMeetingCommand,
  isContractor,
  ListReportMeetingsQuery,
  PARTNERSHIP_EVENTS,
  PARTNERSHIP_RPC,
  RecordMeetingMinutesCommand,
  ReportMeetingPage,
  ReportMeetingView,
  RequestContext,
  ScheduleReportMeetingCommand,
  SubmitMeetingMaterialsCommand,
} from '@jcm/contracts';
import {
  Aggregate,
  assertState,
  Clock,
  CLOCK,
  DATA_SOURCE,
  forbidden,
  queryRows,
  todayUtc,
  uuid,
} from '@jcm/service-kit';
import { CONTRACT_SOURCE } from '../annual-contract/annual-contract.rows';
import { outsideContractPeriod } from '../programme-shared/contract-period';
import { refuseOnErrors } from '../programme-shared/rule-findings';
import {
  REPORT_MEETING,
  REPORT_MEETING_SOURCE,
  ReportMeetingRow,
  toReportMeetingView,
} from './report-meeting.rows';

/** Contract states in which its 報告会 are organised: from signing to the final report (not suspended or closed). */
const MEETING_CONTRACT_STATES: readonly AnnualContractState[] = [
  'contracted',
  'kickoff_reported',
  'in_progress',
  'interim_reported',
  'final_reported',
];

/**
 * 報告会 (ガイドブック 表3 ③: 契約締結時・中間報告・最終報告, online, about three a year), city-partnerships.md §6.6.
 * The contractor submits materials and records the minutes; MOE, the secretariat or the municipality confirm them.
 */
@Injectable()
export class ReportMeetingService {
  private readonly meetings;

  constructor(
    @Inject(DATA_SOURCE) ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.meetings = new Aggregate(ds, {
      schema: 'partnership',
      source: REPORT_MEETING_SOURCE,
      view: toReportMeetingView,
    });
  }

  /** Once per Idempotency-Key: a retried scheduling answers the first meeting instead of a CONFLICT. */
  schedule(ctx: RequestContext, cmd: ScheduleReportMeetingCommand): Promise<ReportMeetingView> {
    return this.meetings.create(
      ctx,
      { operation: PARTNERSHIP_RPC.reportMeeting.schedule, body: cmd },
      async (m) => {
        const c = await CONTRACT_SOURCE.find(m, ctx, cmd.contractId, { lock: true });
        if (!canScheduleReportMeeting(ctx, c.company.orgId))
          throw forbidden('Only MOE, the secretariat or the contractor schedule a report meeting.');
        assertState('contract', c.state, MEETING_CONTRACT_STATES, 'schedule a report meeting for');
        refuseOnErrors(outsideContractPeriod(c, [cmd.scheduledOn]), 'Report meeting');
        const [taken] = await queryRows(
          m,
          { id: uuid() },
          `SELECT id FROM ${REPORT_MEETING.name} WHERE contract_id = $1 AND kind = $2`,
          [c.id, cmd.kind],
        );
        if (taken)
          throw new DomainError(
            'CONFLICT',
            `The ${cmd.kind} report meeting of this contract is already scheduled.`,
          );
        const meeting = await REPORT_MEETING.insert(m, {
          contract_id: c.id,
          kind: cmd.kind,
          scheduled_on: cmd.scheduledOn,
          online_url: cmd.onlineUrl ?? null,
          participant_org_ids: c.participant_org_ids,
          created_by: ctx.userId,
        });
        return { id: meeting.id, outcome: PARTNERSHIP_EVENTS.reportMeeting.scheduled };
      },
    );
  }

  async submitMaterials(ctx: RequestContext, cmd: SubmitMeetingMaterialsCommand): Promise<ReportMeetingView> {
    return this.meetings.transition(ctx, cmd.id, async (m, r) => {
      if (!isContractor(ctx, r.company.orgId))
        throw forbidden('Only the contractor submits the meeting materials.');
      assertState('report meeting', r.state, ['scheduled', 'materials_submitted'], 'submit materials for');
      this.assertContractOpen(r);
      await REPORT_MEETING.update(m, r.id, { materials: cmd.materials, state: 'materials_submitted' });
      return PARTNERSHIP_EVENTS.reportMeeting.materialsSubmitted;
    });
  }

  async hold(ctx: RequestContext, cmd: HoldReportMeetingCommand): Promise<ReportMeetingView> {
    return this.meetings.transition(ctx, cmd.id, async (m, r) => {
      if (!canRecordMeetingHeld(ctx, r.company.orgId))
        throw forbidden('Only the contractor, MOE or the secretariat record that a meeting was held.');
      assertState('report meeting', r.state, ['materials_submitted'], 'hold');
      this.assertContractOpen(r);
      if (cmd.heldOn > todayUtc(this.clock)) {
        throw new DomainError('VALIDATION_FAILED', 'A meeting cannot be recorded as held in the future.', [
          { path: 'heldOn', message: 'Must not be after today' },
        ]);
      }
      refuseOnErrors(outsideContractPeriod(r, [cmd.heldOn]), 'Report meeting');
      await REPORT_MEETING.update(m, r.id, { held_on: cmd.heldOn, state: 'held' });
      return PARTNERSHIP_EVENTS.reportMeeting.held;
    });
  }

  /** 議事録: recorded after the meeting; a revision clears earlier confirmations, which applied to the old text. */
  async recordMinutes(ctx: RequestContext, cmd: RecordMeetingMinutesCommand): Promise<ReportMeetingView> {
    return this.meetings.transition(ctx, cmd.id, async (m, r) => {
      if (!isContractor(ctx, r.company.orgId)) throw forbidden('Only the contractor records the minutes.');
      assertState('report meeting', r.state, ['held', 'minutes_recorded'], 'record minutes of');
      await REPORT_MEETING.update(m, r.id, {
        minutes_text: cmd.minutesText,
        minutes_confirmations: [],
        state: 'minutes_recorded',
      });
      return PARTNERSHIP_EVENTS.reportMeeting.minutesRecorded;
    });
  }

  async confirmMinutes(ctx: RequestContext, id: string): Promise<ReportMeetingView> {
    return this.meetings.transition(ctx, id, async (m, r) => {
      if (!canConfirmMeetingMinutes(ctx, r.municipality.orgId))
        throw forbidden('Only MOE, the secretariat or the municipality confirm the minutes.');
      assertState(
        'report meeting',
        r.state,
        ['minutes_recorded', 'deliverables_requested'],
        'confirm the minutes of',
      );
      if (r.minutes_confirmations.some((x) => x.orgId === ctx.orgId))
        throw new DomainError('CONFLICT', 'Your organisation has already confirmed these minutes.');
      const confirmations = [
        ...r.minutes_confirmations,
        { orgId: ctx.orgId, confirmedAt: this.clock.now().toISOString() },
      ];
      await REPORT_MEETING.update(m, r.id, { minutes_confirmations: confirmations });
      return PARTNERSHIP_EVENTS.reportMeeting.minutesConfirmed;
    });
  }

  /** §6.6: after the final meeting's minutes, MOE asks for the 成果物 (the checklist exists from selection). */
  async requestDeliverables(ctx: RequestContext, id: string): Promise<ReportMeetingView> {
    return this.meetings.transition(ctx, id, async (m, r) => {
      if (!canInspectYearEnd(ctx)) throw forbidden('Only MOE or the secretariat request the deliverables.');
      if (r.kind !== 'FINAL')
        throw new DomainError('CONFLICT', 'Only the final report meeting requests the deliverables.');
      assertState('report meeting', r.state, ['minutes_recorded'], 'request deliverables after');
      assertState('contract', r.contract_state, ['final_reported'], 'request deliverables for');
      await REPORT_MEETING.update(m, r.id, { state: 'deliverables_requested' });
      return PARTNERSHIP_EVENTS.reportMeeting.deliverablesRequested;
    });
  }

  list(ctx: RequestContext, q: ListReportMeetingsQuery): Promise<ReportMeetingPage> {
    return this.meetings.list(ctx, q, { scheduledOn: 'r.scheduled_on', createdAt: 'r.created_at' }, (w) =>
      w.eq('r.contract_id', q.contractId).eq('r.kind', q.kind).eq('r.state', q.state),
    );
  }

  get(ctx: RequestContext, id: string): Promise<ReportMeetingView> {
    return this.meetings.get(ctx, id);
  }

  private assertContractOpen(r: ReportMeetingRow): void {
    if (!MEETING_CONTRACT_STATES.includes(r.contract_state))
      throw new DomainError('CONFLICT', `The contract is ${r.contract_state}.`);
  }
}
