import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AttachLetterTranslationCommand,
  GetLetterFileQuery,
  IdParam,
  ListInterestLettersQuery,
  PARTNERSHIP_RPC,
  RequestInterestLetterCommand,
  UploadLetterOriginalCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { InterestLetterService } from './interest-letter.service';

/** NATS entry points of 関心表明レター (letters of interest). */
@Controller()
export class InterestLetterHandler {
  constructor(private readonly letters: InterestLetterService) {}

  @MessagePattern(PARTNERSHIP_RPC.interestLetter.request)
  request(@Payload() raw: unknown) {
    return handleRpc(raw, RequestInterestLetterCommand, (ctx, cmd) => this.letters.request(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.interestLetter.uploadOriginal)
  uploadOriginal(@Payload() raw: unknown) {
    return handleRpc(raw, UploadLetterOriginalCommand, (ctx, cmd) => this.letters.uploadOriginal(ctx, cmd));
  }

  @MessagePattern(PARTNERSHIP_RPC.interestLetter.attachTranslation)
  attachTranslation(@Payload() raw: unknown) {
    return handleRpc(raw, AttachLetterTranslationCommand, (ctx, cmd) =>
      this.letters.attachTranslation(ctx, cmd),
    );
  }

  @MessagePattern(PARTNERSHIP_RPC.interestLetter.attachToProposal)
  attachToProposal(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.letters.attachToProposal(ctx, q.id));
  }

  @MessagePattern(PARTNERSHIP_RPC.interestLetter.getFile)
  file(@Payload() raw: unknown) {
    return handleRpc(raw, GetLetterFileQuery, (ctx, q) => this.letters.file(ctx, q.id, q.kind));
  }

  @MessagePattern(PARTNERSHIP_RPC.interestLetter.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListInterestLettersQuery, (ctx, q) => this.letters.list(ctx, q));
  }

  @MessagePattern(PARTNERSHIP_RPC.interestLetter.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, IdParam, (ctx, q) => this.letters.get(ctx, q.id));
  }
}
