import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AssignTpeCommand,
  CreateJcmProjectCommand,
  GetByIdQuery,
  ListJcmProjectsQuery,
  MRV_RPC,
  RegisterJcmProjectCommand,
  UpdateJcmProjectCommand,
  ValidateJcmProjectCommand,
} from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { ProjectService } from './project.service';

/** NATS entry points of JCM projects (プロジェクト登録). */
@Controller()
export class ProjectHandler {
  constructor(private readonly projects: ProjectService) {}

  @MessagePattern(MRV_RPC.project.create)
  create(@Payload() raw: unknown) {
    return handleRpc(raw, CreateJcmProjectCommand, (ctx, cmd) => this.projects.create(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.project.update)
  update(@Payload() raw: unknown) {
    return handleRpc(raw, UpdateJcmProjectCommand, (ctx, cmd) => this.projects.update(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.project.assignValidator)
  assignValidator(@Payload() raw: unknown) {
    return handleRpc(raw, AssignTpeCommand, (ctx, cmd) => this.projects.assignValidator(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.project.validate)
  validate(@Payload() raw: unknown) {
    return handleRpc(raw, ValidateJcmProjectCommand, (ctx, cmd) => this.projects.validate(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.project.register)
  register(@Payload() raw: unknown) {
    return handleRpc(raw, RegisterJcmProjectCommand, (ctx, cmd) => this.projects.register(ctx, cmd));
  }

  @MessagePattern(MRV_RPC.project.get)
  get(@Payload() raw: unknown) {
    return handleRpc(raw, GetByIdQuery, (ctx, q) => this.projects.get(ctx, q));
  }

  @MessagePattern(MRV_RPC.project.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListJcmProjectsQuery, (ctx, q) => this.projects.list(ctx, q));
  }
}
