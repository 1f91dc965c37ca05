import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import {
  ApplicationContent,
  ApplicationSaved,
  GRANTS_RPC,
  GrantCallPage,
  GrantCallView,
  RequestContext,
} from '@jcm/contracts';
import { ServiceBus } from '../nats-client';
import { DEMO_ORGS } from './demo-data';

/** A second GEC account, so the two-reviewer 評価審査 can be shown (demo mode only). */
export const DEMO_SECOND_REVIEWER = { email: 'gec-reviewer@demo.example', displayName: 'GEC 審査員' };
/** The Thai co-implementer of the demo consortium: a foreign company with no platform account. */
export const DEMO_THAI_PARTNER = {
  orgId: '00000000-0000-4000-8000-000000000051',
  nameJa: 'サイアム・デモ・ファクトリー社',
  nameEn: 'Siam Demo Factory Co., Ltd.',
};

const ctx = (orgId: string, orgType: RequestContext['orgType'], userId = randomUUID()): RequestContext => ({
  userId,
  orgId,
  orgType,
  role: 'admin',
  correlationId: `demo-seed-${randomUUID()}`,
});

/** The demo company's draft: Thai PV + chiller (jcm-grants §2.2: TH SOLAR_PV has 15 similar projects → 30 %). */
function thaiPvDraft(): ApplicationContent {
  return {
    form: {
      titleJa: 'タイ王国／バンコク都における工場への太陽光発電及び高効率冷凍機の導入',
      titleEn: 'Thailand / Introduction of Solar PV and High-efficiency Chillers to Factories in Bangkok',
      lead: { nameJa: 'デモ・エンジニアリング株式会社', nameEn: 'Demo Engineering Co., Ltd.' },
      background: 'デモ・エンジニアリング株式会社とサイアム・デモ・ファクトリー社が協議し本事業を立案した。',
    },
    technologies: [
      {
        technologyId: 'SOLAR_PV',
        nameJa: '太陽光発電',
        nameEn: 'Solar PV',
        country: 'TH',
        eligibleCostYen: 1_000_000_000,
        annualReductionT: '12340',
        usefulLifeYears: 8,
      },
      {
        technologyId: 'CHILLER',
        nameJa: '高効率冷凍機',
        nameEn: 'High-efficiency chiller',
        country: 'TH',
        eligibleCostYen: 200_000_000,
        annualReductionT: '3000',
        usefulLifeYears: 15,
      },
    ],
    costs: { constructionYen: 300_000_000, equipmentYen: 880_000_000, adminYen: 20_000_000 },
    attachments: [],
  };
}

/**
 * An open JCM call with the FY2021–23 preset (別添3 counts plus a chiller count for Thailand, the demo's assumption)
 * and the demo company's draft for a Thai PV project. Runs only while GEC sees no JCM call.
 */
export async function seedDemoGrants(
  bus: ServiceBus,
  m: EntityManager,
  passwordHash: string,
  now: number,
): Promise<boolean> {
  const [gecUser] = await m.query(`SELECT u.id FROM identity.app_user u WHERE u.email = 'gec@demo.example'`);
  const [second] = await m.query(
    `INSERT INTO identity.app_user (email, display_name, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
    [DEMO_SECOND_REVIEWER.email, DEMO_SECOND_REVIEWER.displayName, passwordHash],
  );
  await m.query(
    `INSERT INTO identity.membership (user_id, org_id, role) VALUES ($1, $2, 'editor') ON CONFLICT DO NOTHING`,
    [second.id, DEMO_ORGS.gec],
  );
  const gec = ctx(DEMO_ORGS.gec, 'SECRETARIAT', gecUser.id);
  if ((await bus.send(GRANTS_RPC.call.list, gec, { limit: 1 }, GrantCallPage, 15_000)).total > 0)
    return false;
  const day = 86_400_000;
  const call = await bus.send(
    GRANTS_RPC.call.create,
    gec,
    {
      fiscalYear: new Date(now).getUTCFullYear(),
      titleJa: 'JCM設備補助事業（令和3〜5年度プリセット） 公募',
      titleEn: 'JCM Model Projects call (FY2021–23 preset)',
      presetId: 'JCM_SUBSIDY_FY2021_23',
      overrides: { similarProjectCounts: { CHILLER: { TH: 5 } } },
      opensAt: new Date(now - 7 * day).toISOString(),
      closesAt: new Date(now + 90 * day).toISOString(),
      budgetYen: 3_000_000_000,
      reviewerUserIds: [gecUser.id, second.id],
    },
    GrantCallView,
    15_000,
  );
  await bus.send(GRANTS_RPC.call.transition, gec, { id: call.id, action: 'publish' }, GrantCallView, 15_000);
  await bus.send(
    GRANTS_RPC.application.create,
    ctx(DEMO_ORGS.company, 'COMPANY'),
    {
      callId: call.id,
      formKind: 'A',
      consortium: [
        {
          orgId: DEMO_ORGS.company,
          role: 'REPRESENTATIVE',
          nameJa: 'デモ・エンジニアリング株式会社',
          nameEn: 'Demo Engineering Co., Ltd.',
          country: 'JP',
        },
        { ...DEMO_THAI_PARTNER, role: 'CO_IMPLEMENTER', country: 'TH' },
      ],
      content: thaiPvDraft(),
    },
    ApplicationSaved,
    15_000,
  );
  return true;
}
