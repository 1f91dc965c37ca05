import { Module } from '@nestjs/common';
import { ReportMeetingHandler } from './report-meeting.handler';
import { ReportMeetingService } from './report-meeting.service';

@Module({ controllers: [ReportMeetingHandler], providers: [ReportMeetingService] })
export class ReportMeetingModule {}
