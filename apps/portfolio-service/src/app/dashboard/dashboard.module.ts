import { Module } from '@nestjs/common';
import { DashboardHandler } from './dashboard.handler';
import { DashboardService } from './dashboard.service';

@Module({ controllers: [DashboardHandler], providers: [DashboardService] })
export class DashboardModule {}
