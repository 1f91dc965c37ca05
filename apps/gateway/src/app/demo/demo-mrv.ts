import { randomUUID } from 'crypto';
import {
  AccountPage,
  ConfirmedIssuance,
  CREDITS_RPC,
  FindingView,
  JcmProjectPage,
  JcmProjectView,
  MonitoringReportView,
  MRV_RPC,
  OrganisationType,
  PendingIssuancePage,
  ProjectView,
  RequestContext,
  TpeAccreditationView,
} from '@jcm/contracts';
import { monthlySeries } from '@jcm/rules';
import { ServiceBus } from '../nats-client';
import { DEMO_ORGS } from './demo-data';

const T = 15_000;
const as = (orgId: string, orgType: OrganisationType): RequestContext => ({
  userId: randomUUID(),
  orgId,
  orgType,
  role: 'admin',
  correlationId: `demo-seed-mrv-${randomUUID()}`,
});

/** A 1 MWp rooftop PV in Thailand, 2025, monthly AC output in MWh: Σ 1,534.3 MWh × 0.319 = 489.4417 → 489 tCO2. */
export const DEMO_PV_GENERATION = [
  '128.4',
  '131.7',
  '150.2',
  '146.9',
  '139.3',
  '121.6',
  '118.1',
  '116.4',
  '109.9',
  '122.5',
  '125.0',
  '124.3',
];
export const DEMO_MRV_PROJECT = 'TH002';

/**
 * MRV demo data (issue #11 scope 7), through the same RPCs the portal uses: the TPE's accreditation, one PV project
 * of the demo company in Thailand (EF_RE 0.319, 別添4 再生可能エネルギー, DISCREPANCIES #10) validated by the demo
 * TPE and registered by MOE, and its 2025 period submitted, verified and — once credits has prepared the pending
 * issuance from the event — issued, so the trace page works from the first start. Runs while MOE sees no MRV project.
 */
export async function seedDemoMrv(bus: ServiceBus, log: (m: string) => void): Promise<boolean> {
  const moe = as(DEMO_ORGS.moe, 'MOE');
  const company = as(DEMO_ORGS.company, 'COMPANY');
  const tpe = as(DEMO_ORGS.tpe, 'TPE');
  if ((await bus.send(MRV_RPC.project.list, moe, { limit: 1 }, JcmProjectPage, T)).total > 0) return false;
  await bus.send(
    MRV_RPC.tpeAccreditation.grant,
    moe,
    {
      tpeOrgId: DEMO_ORGS.tpe,
      sectoralScope: 1,
      validFrom: '2024-04-01',
      reference: 'JC-TPE-DEMO-01 (scope 1)',
    },
    TpeAccreditationView,
    T,
  );
  await bus.send(
    MRV_RPC.tpeAccreditation.grant,
    moe,
    {
      tpeOrgId: DEMO_ORGS.tpe,
      sectoralScope: 3,
      validFrom: '2024-04-01',
      reference: 'JC-TPE-DEMO-01 (scope 3)',
    },
    TpeAccreditationView,
    T,
  );
  let project = await bus.send(
    MRV_RPC.project.create,
    company,
    {
      projectReference: DEMO_MRV_PROJECT,
      hostCountry: 'TH',
      titleJa: 'タイ・ラヨーン県の工場屋根置き太陽光発電（1 MWp）',
      titleEn: 'Rooftop solar PV (1 MWp) at a factory in Rayong, Thailand',
      grantId: 'JCM-GRANT-DEMO-2024-01',
      technologies: [
        {
          technologyId: 'PV1',
          label: '1 MWp rooftop PV',
          methodologyId: 'JCM-PV-GRID',
          methodologyVersion: '1.0',
          fixedValues: { EF_RE: '0.319' },
        },
      ],
      pdd: {
        summary: 'Rooftop PV displacing grid electricity',
        site: 'Rayong, Thailand',
        startOfOperation: '2025-01-01',
        expectedAnnualErT: '480',
      },
      stakeholderConsultation: {
        heldOn: '2024-10-15',
        place: 'Rayong industrial estate',
        participants: 'Factory staff, neighbouring residents, provincial energy office',
        comments: 'Glare from the panels; roof load',
        howAddressed: 'Anti-glare modules; structural survey of the roof',
      },
    },
    JcmProjectView,
    T,
  );
  await bus.send(
    MRV_RPC.project.assignValidator,
    company,
    { id: project.id, tpeOrgId: DEMO_ORGS.tpe },
    JcmProjectView,
    T,
  );
  await bus.send(
    MRV_RPC.project.validate,
    tpe,
    { id: project.id, opinion: 'POSITIVE', statement: 'The project conforms to JCM-PV-GRID 1.0.' },
    JcmProjectView,
    T,
  );
  project = await bus.send(
    MRV_RPC.project.register,
    moe,
    { id: project.id, registeredOn: '2025-03-01', jcRegistrationRef: 'JC-TH-DEMO-002' },
    JcmProjectView,
    T,
  );
  // The registry's side of the same project, so the verified period can be issued.
  await bus.send(
    CREDITS_RPC.project.register,
    moe,
    {
      reference: DEMO_MRV_PROJECT,
      partnerCountry: 'TH',
      titleEn: project.titleEn,
      titleJa: project.titleJa,
      methodology: 'JCM-PV-GRID',
      participantOrgIds: [DEMO_ORGS.company],
      subsidised: true,
      governmentShare: '0.5',
    },
    ProjectView,
    T,
  );
  const period = { start: '2025-01-01', end: '2025-12-31' };
  let report = await bus.send(
    MRV_RPC.monitoringReport.create,
    company,
    {
      projectId: project.id,
      period,
      technologies: [
        { technologyId: 'PV1', values: { EG: monthlySeries(DEMO_PV_GENERATION, '2025-01-01', 'M1') } },
      ],
    },
    MonitoringReportView,
    T,
  );
  await bus.send(MRV_RPC.monitoringReport.submit, company, { id: report.id }, MonitoringReportView, T);
  await bus.send(
    MRV_RPC.monitoringReport.assignVerifier,
    company,
    { id: report.id, tpeOrgId: DEMO_ORGS.tpe },
    MonitoringReportView,
    T,
  );
  const far = await bus.send(
    MRV_RPC.finding.raise,
    tpe,
    {
      subject: 'VERIFICATION',
      subjectId: report.id,
      kind: 'FAR',
      text: 'Recalibrate meter M1 before the next period.',
      parameterId: 'EG',
    },
    FindingView,
    T,
  );
  await bus.send(
    MRV_RPC.finding.respond,
    company,
    { id: far.id, text: 'Calibration booked for 2026-04.' },
    FindingView,
    T,
  );
  report = await bus.send(
    MRV_RPC.monitoringReport.verify,
    tpe,
    {
      id: report.id,
      opinion: 'POSITIVE',
      statement: 'Reasonable assurance: 489 tCO2.',
      verificationDate: '2026-02-10',
      verificationReportRef: 'VR-DEMO-TH002-2025',
      calculationSha256: report.calculationSha256,
    },
    MonitoringReportView,
    T,
  );
  log(
    `demo MRV project ${DEMO_MRV_PROJECT} registered, 2025 verified: ${report.verifiedEmissionReductions} t`,
  );
  // credits prepares the pending issuance from the event; MOE confirms it to the company's account.
  for (let i = 0; i < 40; i++) {
    const pending = (
      await bus.send(
        CREDITS_RPC.issuance.listPending,
        moe,
        { status: 'PENDING', limit: 200 },
        PendingIssuancePage,
        T,
      )
    ).items.find((p) => p.monitoringReportId === report.id);
    if (pending) {
      const account = (
        await bus.send(CREDITS_RPC.account.list, moe, { limit: 200 }, AccountPage, T)
      ).items.find((a) => a.ownerOrgId === DEMO_ORGS.company);
      if (!account) break;
      const issued = await bus.send(
        CREDITS_RPC.issuance.confirm,
        moe,
        {
          id: pending.id,
          jointCommitteeDecisionRef: 'JC-TH-DEMO-2026-01',
          participantAllocations: [{ accountId: account.id }],
        },
        ConfirmedIssuance,
        T,
      );
      log(`demo credits issued: ${issued.issuance.blocks.map((b) => b.serial).join(', ')}`);
      return true;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log('demo MRV: the pending issuance did not arrive in time; MOE can confirm it in the portal');
  return true;
}
