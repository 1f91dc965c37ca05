import { CreatePartnershipRequest, MembershipRole, OrganisationType } from '@jcm/contracts';

/** Password of every demo account (demo mode only). */
export const DEMO_PASSWORD = 'demo-password';

export interface DemoOrganisation {
  id: string;
  type: OrganisationType;
  nameJa: string;
  nameEn: string;
  country: string;
  prefecture: string | null;
  city: string | null;
  account: { email: string; displayName: string; role: MembershipRole };
}

/** Fixed ids so a second start reuses the same data and tests can name an organisation. */
export const DEMO_ORGS = {
  moe: '00000000-0000-4000-8000-000000000001',
  gec: '00000000-0000-4000-8000-000000000002',
  yokohama: '00000000-0000-4000-8000-000000000011',
  kitakyushu: '00000000-0000-4000-8000-000000000012',
  bangkok: '00000000-0000-4000-8000-000000000021',
  koror: '00000000-0000-4000-8000-000000000022',
  company: '00000000-0000-4000-8000-000000000031',
  tpe: '00000000-0000-4000-8000-000000000041',
} as const;

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  org('moe', 'MOE', '環境省', 'Ministry of the Environment, Japan', 'JP', null, null, 'moe', '環境省 担当者'),
  org(
    'gec',
    'SECRETARIAT',
    '公益財団法人 地球環境センター',
    'Global Environment Centre Foundation (GEC)',
    'JP',
    '大阪府',
    '大阪市',
    'gec',
    'GEC 事務局',
  ),
  org(
    'yokohama',
    'MUNICIPALITY',
    '横浜市',
    'City of Yokohama',
    'JP',
    '神奈川県',
    '横浜市',
    'yokohama',
    '横浜市 担当者',
  ),
  org(
    'kitakyushu',
    'MUNICIPALITY',
    '北九州市',
    'City of Kitakyushu',
    'JP',
    '福岡県',
    '北九州市',
    'kitakyushu',
    '北九州市 担当者',
  ),
  org(
    'bangkok',
    'PARTNER_CITY',
    'バンコク都',
    'Bangkok Metropolitan Administration',
    'TH',
    null,
    'Bangkok',
    'bangkok',
    'BMA Officer',
  ),
  org(
    'koror',
    'PARTNER_CITY',
    'コロール州（パラオ）',
    'Koror State, Palau',
    'PW',
    null,
    'Koror',
    'koror',
    'Koror State Officer',
  ),
  org(
    'company',
    'COMPANY',
    'デモ・エンジニアリング株式会社',
    'Demo Engineering Co., Ltd.',
    'JP',
    '東京都',
    '千代田区',
    'company',
    'デモ社 担当者',
  ),
  org(
    'tpe',
    'TPE',
    'デモ検証機関',
    'Demo Verification Body (TPE)',
    'JP',
    '東京都',
    '港区',
    'tpe',
    'TPE Verifier',
  ),
];

/** Real pairs from the guidebook (city-partnerships.md §4.2). */
export const DEMO_PARTNERSHIPS: CreatePartnershipRequest[] = [
  {
    municipalityOrgId: DEMO_ORGS.yokohama,
    partnerCityOrgId: DEMO_ORGS.bangkok,
    // Guidebook FY2025 §1.8 example 1 (city-partnerships.md §4.3).
    titleJa: 'バンコク気候変動マスタープランに基づくGHGネットゼロ排出の実現加速化プロジェクト',
    titleEn: 'Accelerating GHG net-zero emissions under the Bangkok Climate Change Master Plan',
    targetFields: ['energy-efficiency', 'waste', 'transport'],
  },
  {
    municipalityOrgId: DEMO_ORGS.kitakyushu,
    partnerCityOrgId: DEMO_ORGS.koror,
    titleJa: 'コロール州における再生可能エネルギー導入支援事業（北九州市・コロール州 都市間連携）',
    titleEn: 'Renewable energy for Koror State (Kitakyushu–Koror City-to-City Collaboration)',
    targetFields: ['renewable-energy', 'waste'],
  },
];

function org(
  key: keyof typeof DEMO_ORGS,
  type: OrganisationType,
  nameJa: string,
  nameEn: string,
  country: string,
  prefecture: string | null,
  city: string | null,
  mailbox: string,
  displayName: string,
): DemoOrganisation {
  return {
    id: DEMO_ORGS[key],
    type,
    nameJa,
    nameEn,
    country,
    prefecture,
    city,
    account: { email: `${mailbox}@demo.example`, displayName, role: 'admin' },
  };
}
