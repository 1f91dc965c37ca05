import { z } from 'zod';
import { OrganisationType, OrganisationView } from '@jcm/contracts';
import { route, routeArea } from '../routes/route';

/** Organisation directory for pickers (names and types only: no users, no contacts). */
export const ORGANISATION_ROUTES = routeArea('Organisations', [
  route({
    method: 'GET',
    path: 'organisations',
    summary: 'Organisations by type, for pickers',
    query: z.object({ type: OrganisationType.optional() }),
    response: z.object({ items: z.array(OrganisationView) }),
    handle: async ({ type }, { services }) => ({ items: await services.identity.listOrganisations(type) }),
  }),
]);
