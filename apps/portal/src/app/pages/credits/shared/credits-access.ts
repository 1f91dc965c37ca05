import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import {
  AccountView,
  HOLDING_ACCOUNT_TYPES,
  OVERSIGHT_ORG_TYPES,
  OrganisationType,
  canMoveCreditsFrom,
} from '@jcm/contracts';

import { SessionService } from '../../../core/session.service';

/** Organisations that hold or oversee registry accounts (the credits area's audience). */
export const CREDITS_AUDIENCE: readonly OrganisationType[] = [
  'MOE',
  'SECRETARIAT',
  'COMPANY',
  'PARTNER_GOVERNMENT',
];

type Actor = NonNullable<ReturnType<SessionService['actor']>>;

/** MOE manages Japan's registry and records issuances (the service checks the registry's manager again). */
export function canIssue(actor: Actor | null): boolean {
  return actor !== null && actor.orgType === 'MOE' && actor.role !== 'viewer';
}

export function seesAllAccounts(actor: Actor | null): boolean {
  return actor !== null && OVERSIGHT_ORG_TYPES.includes(actor.orgType);
}

/** Transfer, retire and cancel are offered only where the service would accept them. */
export function canMoveFrom(actor: Actor | null, account: AccountView): boolean {
  return (
    actor !== null &&
    HOLDING_ACCOUNT_TYPES.includes(account.type) &&
    canMoveCreditsFrom(actor, account.ownerOrgId)
  );
}

export const creditsAreaGuard: CanActivateFn = () => {
  const actor = inject(SessionService).actor();
  return (actor !== null && CREDITS_AUDIENCE.includes(actor.orgType)) || inject(Router).createUrlTree(['/']);
};

export const issueGuard: CanActivateFn = () =>
  canIssue(inject(SessionService).actor()) || inject(Router).createUrlTree(['/credits']);

/** 発行待ち and progress towards the targets: MOE and the secretariat (the service checks again). */
export const oversightGuard: CanActivateFn = () =>
  seesAllAccounts(inject(SessionService).actor()) || inject(Router).createUrlTree(['/credits']);
