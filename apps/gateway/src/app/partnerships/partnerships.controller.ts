import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  AddPartnershipParticipantRequest,
  CreatePartnershipCommand,
  CreatePartnershipRequest,
  DomainError,
  GetPartnershipQuery,
  ListPartnershipsQuery,
  OrganisationType,
  PARTNERSHIP_RPC,
  PartnershipPage,
  PartnershipTimeline,
  PartnershipView,
  PartyRef,
  RequestContext,
  UpdatePartnershipAgreementRequest,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { IdentityRepository } from '../identity/identity.repository';
import { ServiceBus } from '../nats-client';

/** /api/v1/partnerships: 都市間連携, fronting partnership-service. */
@Controller('partnerships')
export class PartnershipsController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly identity: IdentityRepository,
  ) {}

  @Post()
  async create(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<PartnershipView> {
    const req = parseInput(CreatePartnershipRequest, body);
    const cmd: CreatePartnershipCommand = {
      municipality: await this.party(req.municipalityOrgId, 'MUNICIPALITY', 'municipalityOrgId'),
      partnerCity: await this.party(req.partnerCityOrgId, 'PARTNER_CITY', 'partnerCityOrgId'),
      titleJa: req.titleJa,
      titleEn: req.titleEn,
      targetFields: req.targetFields,
      targetFieldOther: req.targetFieldOther ?? null,
    };
    return this.bus.send(PARTNERSHIP_RPC.partnership.create, ctx, cmd, PartnershipView);
  }

  /** Adds the contractor (or a co-implementer, a further city) to a city pair, so it can see and work on it. */
  @Post(':id/participants')
  async addParticipant(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown): Promise<PartnershipView> {
    const { id: partnershipId } = parseInput(GetPartnershipQuery, { id }, 'path');
    const req = parseInput(AddPartnershipParticipantRequest, body);
    const org = await this.identity.findOrganisation(req.orgId);
    if (!org) throw new DomainError('VALIDATION_FAILED', 'orgId: no such organisation', [{ path: 'orgId', message: 'No such organisation' }]);
    const participant = { orgId: org.id, nameJa: org.nameJa, nameEn: org.nameEn, country: org.country, role: req.role };
    return this.bus.send(PARTNERSHIP_RPC.partnership.addParticipant, ctx, { partnershipId, participant }, PartnershipView);
  }

  /** The pair's years, agreement and standing on the 7-year rule (7年ルール). */
  @Get(':id/timeline')
  timeline(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<PartnershipTimeline> {
    return this.bus.send(PARTNERSHIP_RPC.partnership.getTimeline, ctx, parseInput(GetPartnershipQuery, { id }, 'path'), PartnershipTimeline);
  }

  @Patch(':id/agreement')
  updateAgreement(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown): Promise<PartnershipTimeline> {
    const { id: partnershipId } = parseInput(GetPartnershipQuery, { id }, 'path');
    const req = parseInput(UpdatePartnershipAgreementRequest, body);
    return this.bus.send(PARTNERSHIP_RPC.partnership.updateAgreement, ctx, { partnershipId, ...req }, PartnershipTimeline);
  }

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<PartnershipPage> {
    return this.bus.send(PARTNERSHIP_RPC.partnership.list, ctx, parseInput(ListPartnershipsQuery, query, 'query'), PartnershipPage);
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<PartnershipView> {
    return this.bus.send(PARTNERSHIP_RPC.partnership.get, ctx, parseInput(GetPartnershipQuery, { id }, 'path'), PartnershipView);
  }

  /** Snapshots the organisation's names into the command; the type must match the side it stands on. */
  private async party(orgId: string, type: OrganisationType, field: string): Promise<PartyRef> {
    const org = await this.identity.findOrganisation(orgId);
    if (!org || org.type !== type) {
      throw new DomainError('VALIDATION_FAILED', `${field}: must be an organisation of type ${type}`, [
        { path: field, message: `Must be an organisation of type ${type}` },
      ]);
    }
    return { orgId: org.id, nameJa: org.nameJa, nameEn: org.nameEn, country: org.country };
  }
}
