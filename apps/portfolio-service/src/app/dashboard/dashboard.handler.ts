import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DashboardQuery, PORTFOLIO_RPC } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { DashboardService } from './dashboard.service';

@Controller()
export class DashboardHandler {
  constructor(private readonly dashboard: DashboardService) {}

  @MessagePattern(PORTFOLIO_RPC.dashboard.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, DashboardQuery, (ctx, q) => this.dashboard.get(ctx, q));
  }
}
