import { DomainError, OrganisationType, PartyRef } from '@jcm/contracts';
import { IdentityRepository } from '../identity/identity.repository';

/** Snapshots an organisation from the identity schema into a command, checking the type its side must have. */
export async function partyOf(
  identity: IdentityRepository,
  orgId: string,
  field: string,
  type?: OrganisationType,
): Promise<PartyRef> {
  const org = await identity.findOrganisation(orgId);
  if (!org || (type && org.type !== type)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${field}: must be an organisation${type ? ` of type ${type}` : ''}`,
      [{ path: field, message: type ? `Must be an organisation of type ${type}` : 'Unknown organisation' }],
    );
  }
  return { orgId: org.id, nameJa: org.nameJa, nameEn: org.nameEn, country: org.country };
}
