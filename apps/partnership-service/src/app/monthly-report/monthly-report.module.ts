import { Module } from '@nestjs/common';
import { MonthlyReportHandler } from './monthly-report.handler';
import { MonthlyReportService } from './monthly-report.service';

@Module({ controllers: [MonthlyReportHandler], providers: [MonthlyReportService] })
export class MonthlyReportModule {}
