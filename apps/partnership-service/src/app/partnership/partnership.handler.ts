import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddPartnershipParticipantCommand,
  CreatePartnershipCommand,
  GetPartnershipQuery,
  ListPartnershipsQuery,
  PARTNERSHIP_RPC,
  UpdatePartnershipAgreementCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { PartnershipTimelineService } from './partnership-timeline.service';
import { PartnershipService } from './partnership.service';

/** NATS entry points of 都市間連携 (city pairs). */
@Controller()
export class PartnershipHandler {
  constructor(
    private readonly partnerships: PartnershipService,
    private readonly timelines: PartnershipTimelineService,
  ) {}

  @MessagePattern(PARTNERSHIP_RPC.partnership.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreatePartnershipCommand, (ctx, cmd) => this.partnerships.create(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.partnership.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListPartnershipsQuery, (ctx, q) => this.partnerships.list(ctx, q));
  }

  @MessagePattern(PARTNERSHIP_RPC.partnership.addParticipant)
  addParticipant(@Payload() raw: unknown) {
    return handleRpc(raw, AddPartnershipParticipantCommand, (ctx, cmd) =>
      this.partnerships.addParticipant(ctx, cmd),
    );
  }

  @MessagePattern(PARTNERSHIP_RPC.partnership.getTimeline)
  timeline(@Payload() raw: unknown) {
    return handleRpc(raw, GetPartnershipQuery, (ctx, q) => this.timelines.timeline(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.partnership.updateAgreement)
  updateAgreement(@Payload() raw: unknown) {
    return handleRpc(raw, UpdatePartnershipAgreementCommand, (ctx, cmd) =>
      this.timelines.updateAgreement(ctx, cmd),
    );
  }

  @MessagePattern(PARTNERSHIP_RPC.partnership.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, GetPartnershipQuery, (ctx, q) => this.partnerships.get(ctx, q.id));
  }
}
