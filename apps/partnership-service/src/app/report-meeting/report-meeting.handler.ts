import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  HoldReportMeetingCommand,
  IdParam,
  ListReportMeetingsQuery,
  PARTNERSHIP_RPC,
  RecordMeetingMinutesCommand,
  ScheduleReportMeetingCommand,
  SubmitMeetingMaterialsCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { ReportMeetingService } from './report-meeting.service';

/** NATS entry points of 報告会 (report meetings). */
@Controller()
export class ReportMeetingHandler {
  constructor(private readonly meetings: ReportMeetingService) {}

  @MessagePattern(PARTNERSHIP_RPC.reportMeeting.schedule)
  schedule(@Payload() raw: unknown) {
    return handleRpc(raw, ScheduleReportMeetingCommand, (ctx, cmd) => this.meetings.schedule(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.reportMeeting.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListReportMeetingsQuery, (ctx, q) => this.meetings.list(ctx, q));
  }

  @MessagePattern(PARTNERSHIP_RPC.reportMeeting.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.meetings.get(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.reportMeeting.submitMaterials)
  submitMaterials(@Payload() raw: unknown) {
    return handleRpc(raw, SubmitMeetingMaterialsCommand, (ctx, cmd) =>
      this.meetings.submitMaterials(ctx, cmd),
    );
  }

  @MessagePattern(PARTNERSHIP_RPC.reportMeeting.hold)
  hold(@Payload() raw: unknown) {
    return handleRpc(raw, HoldReportMeetingCommand, (ctx, cmd) => this.meetings.hold(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.reportMeeting.recordMinutes)
  recordMinutes(@Payload() raw: unknown) {
    return handleRpc(raw, RecordMeetingMinutesCommand, (ctx, cmd) => this.meetings.recordMinutes(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.reportMeeting.confirmMinutes)
  confirmMinutes(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.meetings.confirmMinutes(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.reportMeeting.requestDeliverables)
  requestDeliverables(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.meetings.requestDeliverables(ctx, q.id));
  }
}
