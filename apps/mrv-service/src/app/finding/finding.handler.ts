import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListFindingsQuery,
  MRV_RPC,
  RaiseFindingCommand,
  ResolveFindingCommand,
  RespondToFindingCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { FindingService } from './finding.service';

/** NATS entry points of TPE findings (指摘事項). */
@Controller()
export class FindingHandler {
  constructor(private readonly findings: FindingService) {}

  @MessagePattern(MRV_RPC.finding.raise)
  raise(@Payload() raw: unknown) {
    return handleRpc(raw, RaiseFindingCommand, (ctx, cmd) => this.findings.raise(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.finding.respond)
  respond(@Payload() raw: unknown) {
    return handleRpc(raw, RespondToFindingCommand, (ctx, cmd) => this.findings.respond(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.finding.resolve)
  resolve(@Payload() raw: unknown) {
    return handleRpc(raw, ResolveFindingCommand, (ctx, cmd) => this.findings.resolve(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.finding.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListFindingsQuery, (ctx, q) => this.findings.list(ctx, q));
  }
}
