import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetMethodologyQuery,
  GrantTpeAccreditationCommand,
  ListMethodologiesQuery,
  ListTpeAccreditationsQuery,
  MRV_RPC,
  PublishMethodologyCommand,
  ReviseMethodologyCommand,
  SaveMethodologyCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { MethodologyService } from './methodology.service';

/** NATS entry points of methodologies (方法論) and TPE accreditations. */
@Controller()
export class MethodologyHandler {
  constructor(private readonly methodologies: MethodologyService) {}

  @MessagePattern(MRV_RPC.methodology.save)
  save(@Payload() raw: unknown) {
    return handleRpc(raw, SaveMethodologyCommand, (ctx, cmd) => this.methodologies.save(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.methodology.publish)
  publish(@Payload() raw: unknown) {
    return handleRpc(raw, PublishMethodologyCommand, (ctx, cmd) => this.methodologies.publish(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.methodology.revise)
  revise(@Payload() raw: unknown) {
    return handleRpc(raw, ReviseMethodologyCommand, (ctx, cmd) => this.methodologies.revise(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.methodology.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, GetMethodologyQuery, (ctx, q) => this.methodologies.get(ctx, q));
  }

  @MessagePattern(MRV_RPC.methodology.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListMethodologiesQuery, (ctx, q) => this.methodologies.list(ctx, q));
  }

  @MessagePattern(MRV_RPC.tpeAccreditation.grant)
  grant(@Payload() raw: unknown) {
    return handleRpc(raw, GrantTpeAccreditationCommand, (ctx, cmd) =>
      this.methodologies.grantAccreditation(ctx, cmd),
    );
  }

  @MessagePattern(MRV_RPC.tpeAccreditation.list)
  listAccreditations(@Payload() raw: unknown) {
    return handleRpc(raw, ListTpeAccreditationsQuery, (ctx, q) =>
      this.methodologies.listAccreditations(ctx, q),
    );
  }
}
