import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { OrganisationType, OrganisationView } from '@jcm/contracts';
import { parseInput } from '../http/parse-body';
import { IdentityRepository } from '../identity/identity.repository';

/** Organisation directory for pickers (names and types only: no users, no contacts). */
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly identity: IdentityRepository) {}

  @Get()
  async list(@Query() query: unknown): Promise<{ items: OrganisationView[] }> {
    const { type } = parseInput(z.object({ type: OrganisationType.optional() }), query, 'query');
    return { items: await this.identity.listOrganisations(type) };
  }
}
