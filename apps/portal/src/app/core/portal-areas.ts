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
 * SECRETARIAT) and MRV are added here with their audience when their pages land. The credits audience is
 * CREDITS_AUDIENCE in pages/credits/shared/credits-access.ts (its route guard).
 */
export const PORTAL_AREAS: readonly PortalArea[] = [
  { audience: 'all', labelKey: 'nav.partnerships', path: '/partnerships' },
  {
    audience: ['MOE', 'SECRETARIAT', 'COMPANY', 'MUNICIPALITY', 'PARTNER_CITY'],
    labelKey: 'nav.programme',
    path: '/programme',
  },
  { audience: ['MOE', 'SECRETARIAT', 'COMPANY'], labelKey: 'nav.grants', path: '/grants' },
  {
    audience: ['MOE', 'SECRETARIAT', 'COMPANY', 'PARTNER_GOVERNMENT'],
    labelKey: 'nav.credits',
    path: '/credits',
  },
  { audience: ['MOE', 'SECRETARIAT', 'COMPANY', 'TPE'], labelKey: 'nav.mrv', path: '/mrv' },
  // Public pages (outside the shell, no sign-in needed), listed for signed-in users too.
  { audience: 'all', labelKey: 'nav.calculators', path: '/calculators' },
  { audience: 'all', labelKey: 'nav.registry', path: '/registry' },
];

export function areasFor(orgType: OrganisationType): PortalArea[] {
  return PORTAL_AREAS.filter((area) => area.audience === 'all' || area.audience.includes(orgType));
}
