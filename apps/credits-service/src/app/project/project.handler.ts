import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CREDITS_RPC, ListProjectsQuery, RegisterProjectCommand } from '@jcm/contracts';
import { handleRpc } from '@jcm/service-kit';
import { ProjectService } from './project.service';

/** NATS entry points of JCM projects in the registry. */
@Controller()
export class ProjectHandler {
  constructor(private readonly projects: ProjectService) {}

  @MessagePattern(CREDITS_RPC.project.register)
  register(@Payload() raw: unknown) {
    return handleRpc(raw, RegisterProjectCommand, (ctx, cmd) => this.projects.register(ctx, cmd));
  }

  @MessagePattern(CREDITS_RPC.project.list)
  list(@Payload() raw: unknown) {
    return handleRpc(raw, ListProjectsQuery, (ctx, q) => this.projects.list(ctx, q));
  }
}
