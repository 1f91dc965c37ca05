import { CreatePartnershipRequest } from './partnership.commands';
import { canCreatePartnership } from './partnership.permissions';
import { toFieldIssues } from '../shared/rpc-error';

const YOKOHAMA = '00000000-0000-4000-8000-000000000011';
const BANGKOK = '00000000-0000-4000-8000-000000000021';

describe('CreatePartnershipRequest', () => {
  const valid = {
    municipalityOrgId: YOKOHAMA,
    partnerCityOrgId: BANGKOK,
    titleJa: '横浜・バンコク',
    titleEn: 'Y–B',
    targetFields: ['waste'],
  };

  it('accepts a complete request', () => {
    expect(CreatePartnershipRequest.safeParse(valid).success).toBe(true);
  });

  it('requires the free text when "other" is chosen, naming the field', () => {
    const r = CreatePartnershipRequest.safeParse({ ...valid, targetFields: ['other'] });
    expect(r.success).toBe(false);
    expect(toFieldIssues(r.error!)).toEqual([
      { path: 'targetFieldOther', message: 'Required when targetFields includes "other"' },
    ]);
  });

  it('names nested paths of unknown target fields and blank titles', () => {
    const r = CreatePartnershipRequest.safeParse({
      ...valid,
      titleJa: '   ',
      targetFields: ['waste', 'space'],
    });
    expect(toFieldIssues(r.error!).map((i) => i.path)).toEqual(['titleJa', 'targetFields.1']);
  });
});

describe('canCreatePartnership', () => {
  it.each([
    ['MOE', 'viewer', undefined, false],
    ['MOE', 'editor', YOKOHAMA, true],
    ['SECRETARIAT', 'admin', YOKOHAMA, true],
    ['MUNICIPALITY', 'editor', YOKOHAMA, true],
    ['MUNICIPALITY', 'admin', '00000000-0000-4000-8000-000000000012', false],
    ['PARTNER_CITY', 'admin', YOKOHAMA, false],
    ['COMPANY', 'admin', YOKOHAMA, false],
    ['TPE', 'admin', YOKOHAMA, false],
  ] as const)('%s %s for municipality %s → %s', (orgType, role, municipality, expected) => {
    expect(canCreatePartnership({ orgId: YOKOHAMA, orgType, role }, municipality)).toBe(expected);
  });
});
