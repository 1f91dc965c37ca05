import {
  AccountView,
  CREDITS_RPC,
  ProjectView,
  RegistryList,
  RegistryView,
  RequestContext,
} from '@jcm/contracts';
import { ServiceBus } from '../nats-client';
import { DEMO_ORGS } from './demo-data';

/**
 * The Japan-side registry with MOE as registry manager, the Government of Japan's holding account, the demo
 * company's holding account, and one subsidised project (guidebook example: energy-saving equipment at Bangkok Port,
 * city-partnerships.md §4.5) ready for MOE to record an issuance. Runs only while no registry exists.
 */
export async function seedDemoCredits(bus: ServiceBus, moe: RequestContext): Promise<boolean> {
  const registries = await bus.send(CREDITS_RPC.registry.list, moe, {}, RegistryList, 15_000);
  if (registries.items.length > 0) return false;
  await bus.send(
    CREDITS_RPC.registry.create,
    moe,
    {
      code: 'JP',
      nameJa: 'JCM登録簿（日本側）',
      nameEn: 'JCM Registry (Japan)',
      managerOrgId: DEMO_ORGS.moe,
    },
    RegistryView,
    15_000,
  );
  await bus.send(
    CREDITS_RPC.account.open,
    moe,
    {
      registry: 'JP',
      type: 'GOVERNMENT_HOLDING',
      ownerOrgId: DEMO_ORGS.moe,
      holderName: 'Government of Japan',
    },
    AccountView,
    15_000,
  );
  await bus.send(
    CREDITS_RPC.account.open,
    moe,
    {
      registry: 'JP',
      type: 'ENTITY_HOLDING',
      ownerOrgId: DEMO_ORGS.company,
      holderName: 'Demo Engineering Co., Ltd.',
    },
    AccountView,
    15_000,
  );
  await bus.send(
    CREDITS_RPC.project.register,
    moe,
    {
      reference: 'TH001',
      partnerCountry: 'TH',
      titleEn: 'Energy-saving equipment at Bangkok Port (electric forklifts, hybrid RTG cranes, LED, PV)',
      titleJa: 'バンコク港における省エネ機器導入',
      methodology: 'TH_AM001',
      participantOrgIds: [DEMO_ORGS.company],
      subsidised: true,
      governmentShare: '0.5',
    },
    ProjectView,
    15_000,
  );
  return true;
}
