import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  AttachLetterTranslationCommand,
  GetLetterFileQuery,
  IdParam,
  InterestLetterPage,
  InterestLetterView,
  LetterFileContent,
  ListInterestLettersQuery,
  PARTNERSHIP_RPC,
  RequestContext,
  RequestInterestLetterRequest,
  UploadLetterOriginalCommand,
} from '@jcm/contracts';
import { Ctx } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';
import { IdentityRepository } from '../identity/identity.repository';
import { partyOf } from './programme-parties';

/** /api/v1/interest-letters: 関心表明レター with its original and 和訳 (base64 in JSON). */
@Controller('interest-letters')
export class InterestLettersController {
  constructor(
    private readonly bus: ServiceBus,
    private readonly identity: IdentityRepository,
  ) {}

  @Post()
  async request(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<InterestLetterView> {
    const req = parseInput(RequestInterestLetterRequest, body);
    const issuer = await partyOf(this.identity, req.issuerOrgId, 'issuerOrgId');
    return this.bus.send(PARTNERSHIP_RPC.interestLetter.request, ctx, { ...req, issuer }, InterestLetterView);
  }

  @Get()
  list(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<InterestLetterPage> {
    return this.bus.send(PARTNERSHIP_RPC.interestLetter.list, ctx, parseInput(ListInterestLettersQuery, query, 'query'), InterestLetterPage);
  }

  @Get(':id')
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<InterestLetterView> {
    return this.bus.send(PARTNERSHIP_RPC.interestLetter.get, ctx, parseInput(IdParam, { id }, 'path'), InterestLetterView);
  }

  @Post(':id/original')
  @HttpCode(200)
  original(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<InterestLetterView> {
    return this.bus.send(PARTNERSHIP_RPC.interestLetter.uploadOriginal, ctx, parseInput(UploadLetterOriginalCommand, { ...body, id }), InterestLetterView);
  }

  @Post(':id/translation')
  @HttpCode(200)
  translation(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: object): Promise<InterestLetterView> {
    return this.bus.send(PARTNERSHIP_RPC.interestLetter.attachTranslation, ctx, parseInput(AttachLetterTranslationCommand, { ...body, id }), InterestLetterView);
  }

  @Post(':id/attach')
  @HttpCode(200)
  attach(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<InterestLetterView> {
    return this.bus.send(PARTNERSHIP_RPC.interestLetter.attachToProposal, ctx, parseInput(IdParam, { id }, 'path'), InterestLetterView);
  }

  /** GET /interest-letters/:id/files/ORIGINAL | TRANSLATION (base64 content). */
  @Get(':id/files/:kind')
  file(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('kind') kind: string): Promise<LetterFileContent> {
    return this.bus.send(PARTNERSHIP_RPC.interestLetter.getFile, ctx, parseInput(GetLetterFileQuery, { id, kind }, 'path'), LetterFileContent);
  }
}
