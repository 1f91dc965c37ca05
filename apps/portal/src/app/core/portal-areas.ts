import { OrganisationType } from '@jcm/contracts';

import { MessageKey } from '../i18n/messages.ja';

/** A user area in the main navigation: one lazy `pages/<area>/<area>-page.routes.ts` each. */
export interface PortalArea {
  path: string;
  labelKey: MessageKey;
  /** Organisation types that work in this area; `'all'` for every signed-in organisation. */
  audience: readonly OrganisationType[] | 'all';
}

/**
 * Only areas that exist are listed (no "coming soon" entries). Grants (MUNICIPALITY, COMPANY, MOE,
 * SECRETARIAT), MRV and credits are added here with their audience when their pages land; the public
 * calculators area is added with `audience: 'all'`.
 */
export const PORTAL_AREAS: readonly PortalArea[] = [
  { audience: 'all', labelKey: 'nav.partnerships', path: '/partnerships' },
];

export function areasFor(orgType: OrganisationType): PortalArea[] {
  return PORTAL_AREAS.filter((area) => area.audience === 'all' || area.audience.includes(orgType));
}
