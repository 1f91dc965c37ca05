import { randomUUID } from 'crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PARTNERSHIP_RPC, PartnershipPage, PartnershipView, RequestContext } from '@jcm/contracts';
import { DATA_SOURCE } from '@jcm/service-kit';
import { assertPasswordPolicy, hashPassword } from '../auth/password';
import { IdentityRepository } from '../identity/identity.repository';
import { ServiceBus } from '../nats-client';
import { seedDemoCredits } from './demo-credits';
import { DEMO_ORGANISATIONS, DEMO_ORGS, DEMO_PARTNERSHIPS, DEMO_PASSWORD } from './demo-data';

/**
 * Loads the demo organisations, accounts and city pairs once (demo mode only). Safe to run on every start:
 * organisations and users are upserted by fixed id / email, partnerships are created only while MOE sees none.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly identity: IdentityRepository,
    private readonly bus: ServiceBus,
  ) {}

  async seed(): Promise<void> {
    // The demo password meets the policy like any other, for every account it is set on (one hash for all).
    for (const o of DEMO_ORGANISATIONS) assertPasswordPolicy(DEMO_PASSWORD, o.account);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await this.ds.transaction(async (m) => {
      for (const o of DEMO_ORGANISATIONS) {
        await m.query(
          `INSERT INTO identity.organisation (id, type, name_ja, name_en, country, prefecture, city)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
          [o.id, o.type, o.nameJa, o.nameEn, o.country, o.prefecture, o.city],
        );
        const [user] = await m.query(
          `INSERT INTO identity.app_user (email, display_name, password_hash) VALUES ($1, $2, $3)
           ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
          [o.account.email, o.account.displayName, passwordHash],
        );
        await m.query(
          `INSERT INTO identity.membership (user_id, org_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [user.id, o.id, o.account.role],
        );
      }
    });
    const moe: RequestContext = {
      userId: randomUUID(),
      orgId: DEMO_ORGS.moe,
      orgType: 'MOE',
      role: 'admin',
      correlationId: `demo-seed-${randomUUID()}`,
    };
    if (await seedDemoCredits(this.bus, moe)) this.logger.log('demo credit registry, accounts and project loaded');
    const existing = await this.bus.send(PARTNERSHIP_RPC.partnership.list, moe, { limit: 1 }, PartnershipPage, 15_000);
    if (existing.total > 0) {
      this.logger.log('demo data already loaded');
      return;
    }
    for (const [i, p] of DEMO_PARTNERSHIPS.entries()) {
      const [municipality, partnerCity] = await Promise.all([
        this.identity.findOrganisation(p.municipalityOrgId),
        this.identity.findOrganisation(p.partnerCityOrgId),
      ]);
      const ref = (o: typeof municipality) => {
        if (!o) throw new Error('demo organisation missing: seed organisations first');
        return { orgId: o.id, nameJa: o.nameJa, nameEn: o.nameEn, country: o.country };
      };
      const created = await this.bus.send(
        PARTNERSHIP_RPC.partnership.create,
        moe,
        {
          municipality: ref(municipality),
          partnerCity: ref(partnerCity),
          titleJa: p.titleJa,
          titleEn: p.titleEn,
          targetFields: p.targetFields,
          targetFieldOther: p.targetFieldOther ?? null,
        },
        PartnershipView,
        15_000,
      );
      // The demo company is the contractor of the first pair (a continuing project: it applies for next year).
      if (i === 0) {
        const company = await this.identity.findOrganisation(DEMO_ORGS.company);
        await this.bus.send(
          PARTNERSHIP_RPC.partnership.addParticipant,
          moe,
          { partnershipId: created.id, participant: { ...ref(company), role: 'CONTRACTOR' } },
          PartnershipView,
          15_000,
        );
      }
    }
    this.logger.log(`demo data loaded: ${DEMO_ORGANISATIONS.length} organisations, ${DEMO_PARTNERSHIPS.length} partnerships`);
  }
}
