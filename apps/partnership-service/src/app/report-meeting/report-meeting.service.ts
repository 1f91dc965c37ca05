import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
  PartyRef,
  RecordMeetingMinutesCommand,
  ReportMeetingPage,
  ReportMeetingView,
  RequestContext,
  ScheduleReportMeetingCommand,
  SubmitMeetingMaterialsCommand,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { Clock, PROGRAMME_CLOCK, todayUtc } from '../programme-shared/clock';
import { findContract, outsideContractPeriod } from '../programme-shared/contract-lookup';
import { assertState, filters, forbidden, isoAt, notFound, pageRows, tenantFilter } from '../programme-shared/programme-sql';
import { refuseOnErrors } from '../programme-shared/rule-findings';

const COLUMNS = `r.id, r.contract_id, r.kind, r.state, to_char(r.scheduled_on, 'YYYY-MM-DD') AS scheduled_on,
  to_char(r.held_on, 'YYYY-MM-DD') AS held_on, r.online_url, r.materials, r.minutes_text, r.minutes_confirmations,
  r.created_at, r.updated_at, c.company, c.municipality, c.state AS contract_state,
  to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, cr.preset_id`;
const FROM = `FROM partnership.report_meeting r JOIN partnership.annual_contract c ON c.id = r.contract_id
  JOIN partnership.call_round cr ON cr.id = c.call_id`;

/** Contract states in which its 報告会 are organised: from signing to the final report (not suspended or closed). */
const MEETING_CONTRACT_STATES: readonly AnnualContractState[] = ['contracted', 'kickoff_reported', 'in_progress', 'interim_reported', 'final_reported'];

interface Row {
  id: string;
  contract_id: string;
  kind: ReportMeetingView['kind'];
  state: ReportMeetingView['state'];
  scheduled_on: string;
  held_on: string | null;
  online_url: string | null;
  materials: ReportMeetingView['materials'];
  minutes_text: string | null;
  minutes_confirmations: ReportMeetingView['minutesConfirmations'];
  created_at: Date;
  updated_at: Date;
  company: PartyRef;
  municipality: PartyRef;
  contract_state: AnnualContractState;
  start_date: string;
  end_date: string;
  preset_id: string;
}

/**
 * 報告会 (ガイドブック 表3 ③: 契約締結時・中間報告・最終報告, online, about three a year), city-partnerships.md §6.6.
 * The contractor submits materials and records the minutes; MOE, the secretariat or the municipality confirm them.
 */
@Injectable()
export class ReportMeetingService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(PROGRAMME_CLOCK) private readonly clock: Clock,
  ) {}

  async schedule(ctx: RequestContext, cmd: ScheduleReportMeetingCommand): Promise<ReportMeetingView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const c = await findContract(m, ctx, cmd.contractId, true);
      if (!canScheduleReportMeeting(ctx, c.company.orgId)) throw forbidden('Only MOE, the secretariat or the contractor schedule a report meeting.');
      assertState('contract', c.state, MEETING_CONTRACT_STATES, 'schedule a report meeting for');
      refuseOnErrors(outsideContractPeriod(c, [cmd.scheduledOn]), 'Report meeting');
      const [taken] = await m.query(`SELECT 1 FROM partnership.report_meeting WHERE contract_id = $1 AND kind = $2`, [c.id, cmd.kind]);
      if (taken) throw new DomainError('CONFLICT', `The ${cmd.kind} report meeting of this contract is already scheduled.`);
      const [{ id }] = await m.query(
        `INSERT INTO partnership.report_meeting (contract_id, kind, scheduled_on, online_url, participant_org_ids, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [c.id, cmd.kind, cmd.scheduledOn, cmd.onlineUrl ?? null, c.participant_org_ids, ctx.orgId],
      );
      return this.publish(m, ctx, id, PARTNERSHIP_EVENTS.reportMeeting.scheduled.type);
    });
  }

  async submitMaterials(ctx: RequestContext, cmd: SubmitMeetingMaterialsCommand): Promise<ReportMeetingView> {
    return this.mutate(ctx, cmd.id, async (m, r) => {
      if (!isContractor(ctx, r.company.orgId)) throw forbidden('Only the contractor submits the meeting materials.');
      assertState('report meeting', r.state, ['scheduled', 'materials_submitted'], 'submit materials for');
      this.assertContractOpen(r);
      await m.query(`UPDATE partnership.report_meeting SET materials = $2, state = 'materials_submitted', updated_at = now() WHERE id = $1`, [
        r.id,
        JSON.stringify(cmd.materials),
      ]);
      return PARTNERSHIP_EVENTS.reportMeeting.materialsSubmitted.type;
    });
  }

  async hold(ctx: RequestContext, cmd: HoldReportMeetingCommand): Promise<ReportMeetingView> {
    return this.mutate(ctx, cmd.id, async (m, r) => {
      if (!canRecordMeetingHeld(ctx, r.company.orgId)) throw forbidden('Only the contractor, MOE or the secretariat record that a meeting was held.');
      assertState('report meeting', r.state, ['materials_submitted'], 'hold');
      this.assertContractOpen(r);
      if (cmd.heldOn > todayUtc(this.clock)) {
        throw new DomainError('VALIDATION_FAILED', 'A meeting cannot be recorded as held in the future.', [{ path: 'heldOn', message: 'Must not be after today' }]);
      }
      refuseOnErrors(outsideContractPeriod(r, [cmd.heldOn]), 'Report meeting');
      await m.query(`UPDATE partnership.report_meeting SET held_on = $2, state = 'held', updated_at = now() WHERE id = $1`, [r.id, cmd.heldOn]);
      return PARTNERSHIP_EVENTS.reportMeeting.held.type;
    });
  }

  /** 議事録: recorded after the meeting; a revision clears earlier confirmations, which applied to the old text. */
  async recordMinutes(ctx: RequestContext, cmd: RecordMeetingMinutesCommand): Promise<ReportMeetingView> {
    return this.mutate(ctx, cmd.id, async (m, r) => {
      if (!isContractor(ctx, r.company.orgId)) throw forbidden('Only the contractor records the minutes.');
      assertState('report meeting', r.state, ['held', 'minutes_recorded'], 'record minutes of');
      await m.query(
        `UPDATE partnership.report_meeting SET minutes_text = $2, minutes_confirmations = '[]', state = 'minutes_recorded', updated_at = now() WHERE id = $1`,
        [r.id, cmd.minutesText],
      );
      return PARTNERSHIP_EVENTS.reportMeeting.minutesRecorded.type;
    });
  }

  async confirmMinutes(ctx: RequestContext, id: string): Promise<ReportMeetingView> {
    return this.mutate(ctx, id, async (m, r) => {
      if (!canConfirmMeetingMinutes(ctx, r.municipality.orgId)) throw forbidden('Only MOE, the secretariat or the municipality confirm the minutes.');
      assertState('report meeting', r.state, ['minutes_recorded', 'deliverables_requested'], 'confirm the minutes of');
      if (r.minutes_confirmations.some((x) => x.orgId === ctx.orgId)) throw new DomainError('CONFLICT', 'Your organisation has already confirmed these minutes.');
      const confirmations = [...r.minutes_confirmations, { orgId: ctx.orgId, confirmedAt: this.clock().toISOString() }];
      await m.query(`UPDATE partnership.report_meeting SET minutes_confirmations = $2, updated_at = now() WHERE id = $1`, [r.id, JSON.stringify(confirmations)]);
      return PARTNERSHIP_EVENTS.reportMeeting.minutesConfirmed.type;
    });
  }

  /** §6.6: after the final meeting's minutes, MOE asks for the 成果物 (the checklist exists from selection). */
  async requestDeliverables(ctx: RequestContext, id: string): Promise<ReportMeetingView> {
    return this.mutate(ctx, id, async (m, r) => {
      if (!canInspectYearEnd(ctx)) throw forbidden('Only MOE or the secretariat request the deliverables.');
      if (r.kind !== 'FINAL') throw new DomainError('CONFLICT', 'Only the final report meeting requests the deliverables.');
      assertState('report meeting', r.state, ['minutes_recorded'], 'request deliverables after');
      assertState('contract', r.contract_state, ['final_reported'], 'request deliverables for');
      await m.query(`UPDATE partnership.report_meeting SET state = 'deliverables_requested', updated_at = now() WHERE id = $1`, [r.id]);
      return PARTNERSHIP_EVENTS.reportMeeting.deliverablesRequested.type;
    });
  }

  async list(ctx: RequestContext, q: ListReportMeetingsQuery): Promise<ReportMeetingPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const params: unknown[] = [];
      const where = [tenantFilter(ctx, 'r', params)];
      filters(where, params, [
        ['r.contract_id', q.contractId],
        ['r.kind', q.kind],
        ['r.state', q.state],
      ]);
      const { rows, total } = await pageRows<Row>(m, COLUMNS, {
        from: `${FROM} WHERE ${where.join(' AND ')}`,
        params,
        sort: q.sort,
        sortColumns: { scheduledOn: 'r.scheduled_on', createdAt: 'r.created_at' },
        limit: q.limit,
        offset: q.offset,
      });
      return { items: rows.map(toView), total };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<ReportMeetingView> {
    return inTenantTransaction(this.ds, ctx, async (m) => toView(await this.find(m, ctx, id)));
  }

  private assertContractOpen(r: Row): void {
    if (!MEETING_CONTRACT_STATES.includes(r.contract_state)) throw new DomainError('CONFLICT', `The contract is ${r.contract_state}.`);
  }

  private async find(m: EntityManager, ctx: RequestContext, id: string, forUpdate = false): Promise<Row> {
    const params: unknown[] = [id];
    const [row] = await m.query(`SELECT ${COLUMNS} ${FROM} WHERE r.id = $1 AND ${tenantFilter(ctx, 'r', params)} ${forUpdate ? 'FOR UPDATE OF r' : ''}`, params);
    if (!row) throw notFound('Report meeting', id);
    return row;
  }

  private async publish(m: EntityManager, ctx: RequestContext, id: string, eventType: string): Promise<ReportMeetingView> {
    const view = toView(await this.find(m, ctx, id));
    await appendToOutbox(m, 'partnership', eventType, view, ctx);
    return view;
  }

  private mutate(ctx: RequestContext, id: string, work: (m: EntityManager, r: Row) => Promise<string>): Promise<ReportMeetingView> {
    return inTenantTransaction(this.ds, ctx, async (m) => this.publish(m, ctx, id, await work(m, await this.find(m, ctx, id, true))));
  }
}

function toView(r: Row): ReportMeetingView {
  return {
    id: r.id,
    contractId: r.contract_id,
    kind: r.kind,
    state: r.state,
    scheduledOn: r.scheduled_on,
    heldOn: r.held_on,
    onlineUrl: r.online_url,
    materials: r.materials,
    minutesText: r.minutes_text,
    minutesConfirmations: r.minutes_confirmations,
    createdAt: isoAt(r.created_at),
    updatedAt: isoAt(r.updated_at),
  };
}
