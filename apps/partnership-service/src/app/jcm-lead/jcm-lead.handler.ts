import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdvanceJcmLeadCommand,
  ListJcmLeadsQuery,
  PARTNERSHIP_RPC,
  RecordJcmLeadCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { JcmLeadService } from './jcm-lead.service';

/** NATS entry points of JCM leads (出口戦略). */
@Controller()
export class JcmLeadHandler {
  constructor(private readonly leads: JcmLeadService) {}

  @MessagePattern(PARTNERSHIP_RPC.jcmLead.record)
  record(@Payload() raw: unknown) {
    return handleRpc(raw, RecordJcmLeadCommand, (ctx, cmd) => this.leads.record(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.jcmLead.advance)
  advance(@Payload() raw: unknown) {
    return handleRpc(raw, AdvanceJcmLeadCommand, (ctx, cmd) => this.leads.advance(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.jcmLead.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListJcmLeadsQuery, (ctx, q) => this.leads.list(ctx, q));
  }
}
