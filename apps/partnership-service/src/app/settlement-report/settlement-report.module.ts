import { Module } from '@nestjs/common';
import { SettlementReportHandler } from './settlement-report.handler';
import { SettlementReportService } from './settlement-report.service';

@Module({ controllers: [SettlementReportHandler], providers: [SettlementReportService] })
export class SettlementReportModule {}
