import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdoptApplicationCommand,
  ApplicationIdCommand,
  CreateApplicationCommand,
  DelegateApplicationCommand,
  fileAccessSubject,
  GRANTS_RPC,
  ListApplicationsQuery,
  RejectApplicationCommand,
  ReturnApplicationCommand,
  SaveApplicationCommand,
  ScoreApplicationCommand,
  ScreenApplicationCommand,
} from '@jcm/contracts';
import { answerFileAccess, handleRpc } from '@jcm/service-kit';
import { ApplicationService } from './application.service';
import { ReviewService } from './review.service';

/** NATS entry points of JCM applications (申請) and their review (審査). */
@Controller()
export class ApplicationHandler {
  constructor(
    private readonly apps: ApplicationService,
    private readonly reviews: ReviewService,
  ) {}

  @MessagePattern(GRANTS_RPC.application.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateApplicationCommand, (ctx, cmd) => this.apps.create(ctx, cmd));
  }

  @MessagePattern(GRANTS_RPC.application.save)
  save(@Payload() raw: unknown) {
    return handleRpc(raw, SaveApplicationCommand, (ctx, cmd) => this.apps.save(ctx, cmd));
  }

  @MessagePattern(GRANTS_RPC.application.check)
  check(@Payload() raw: unknown) {
    return handleRpc(raw, ApplicationIdCommand, (ctx, q) => this.apps.check(ctx, q.id));
  }

  @MessagePattern(GRANTS_RPC.application.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, ApplicationIdCommand, (ctx, q) => this.apps.get(ctx, q.id));
  }

  @MessagePattern(GRANTS_RPC.application.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListApplicationsQuery, (ctx, q) => this.apps.list(ctx, q));
  }

  @MessagePattern(GRANTS_RPC.application.versions)
  versions(@Payload() raw: unknown) {
    return handleRpc(raw, ApplicationIdCommand, (ctx, q) => this.apps.versions(ctx, q.id));
  }

  @MessagePattern(GRANTS_RPC.application.confirm)
  confirm(@Payload() raw: unknown) {
    return handleRpc(raw, ApplicationIdCommand, (ctx, q) => this.apps.confirm(ctx, q.id));
  }

  @MessagePattern(GRANTS_RPC.application.delegate)
  delegate(@Payload() raw: unknown) {
    return handleRpc(raw, DelegateApplicationCommand, (ctx, cmd) => this.apps.delegate(ctx, cmd));
  }

  @MessagePattern(GRANTS_RPC.application.submit)
  submit(@Payload() raw: unknown) {
    return handleRpc(raw, ApplicationIdCommand, (ctx, q) => this.apps.submit(ctx, q.id));
  }

  @MessagePattern(GRANTS_RPC.application.screen)
  screen(@Payload() raw: unknown) {
    return handleRpc(raw, ScreenApplicationCommand, (ctx, cmd) => this.reviews.screen(ctx, cmd));
  }

  @MessagePattern(GRANTS_RPC.application.score)
  score(@Payload() raw: unknown) {
    return handleRpc(raw, ScoreApplicationCommand, (ctx, cmd) => this.reviews.score(ctx, cmd));
  }

  @MessagePattern(GRANTS_RPC.application.return)
  returnApplication(@Payload() raw: unknown) {
    return handleRpc(raw, ReturnApplicationCommand, (ctx, cmd) => this.reviews.return(ctx, cmd));
  }

  @MessagePattern(GRANTS_RPC.application.adopt)
  adopt(@Payload() raw: unknown) {
    return handleRpc(raw, AdoptApplicationCommand, (ctx, cmd) => this.reviews.adopt(ctx, cmd));
  }

  @MessagePattern(GRANTS_RPC.application.reject)
  reject(@Payload() raw: unknown) {
    return handleRpc(raw, RejectApplicationCommand, (ctx, cmd) => this.reviews.reject(ctx, cmd));
  }

  @MessagePattern(GRANTS_RPC.application.review)
  review(@Payload() raw: unknown) {
    return handleRpc(raw, ApplicationIdCommand, (ctx, q) => this.reviews.review(ctx, q.id));
  }

  /** The gateway asks before streaming an attachment: visible application that lists the file (書類番号). */
  @MessagePattern(fileAccessSubject('grants'))
  fileAccess(@Payload() raw: unknown) {
    return answerFileAccess(raw, { application: (ctx, c) => this.apps.holdsFile(ctx, c.ownerId, c.fileId) });
  }
}
