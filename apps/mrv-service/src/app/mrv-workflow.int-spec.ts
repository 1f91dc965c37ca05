import { randomUUID } from 'crypto';
import Decimal from 'decimal.js';
import { INestApplication } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { connect, NatsConnection } from 'nats';
import { z } from 'zod';
import {
  AccountView,
  ConfirmedIssuance,
  CREDITS_RPC,
  FindingView,
  JcmProjectPage,
  JcmProjectRegisteredEvent,
  JcmProjectView,
  MethodologyVersionPage,
  MethodologyVersionView,
  MonitoringReportPage,
  MonitoringReportTraceView,
  MonitoringReportView,
  MRV_RPC,
  PendingIssuancePage,
  ProjectView,
  RegistryView,
  RequestContext,
  RerunView,
  SerialTraceView,
  TpeAccreditationView,
} from '@jcm/contracts';
import { monthlySeries, SOLAR_PV_METHODOLOGY } from '@jcm/rules';
import { fixedClock, sendRpc } from '@jcm/service-kit';
import {
  bootService,
  createTestDatabase,
  ctxFor,
  deleteTestStream,
  eventually,
  migrateForTest,
  queryAs,
  startTestService,
  TEST_NATS_URL,
  TestDatabase,
  testEventBus,
  testNatsClient,
  testServiceConfig,
} from '@jcm/testing';
import { MRV_MIGRATIONS } from '../migrations';
import { MrvServiceModule } from './app.module';

// A 1 MWp rooftop PV in Thailand, 2025, monthly AC output in MWh (the engine test's numbers).
const GENERATION = [
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
/** Hand calculation, independent of the engine: ER = ⌊Σ EG × 0.319⌋ (別添4 タイ 再生可能エネルギー, DISCREPANCIES #10). */
const handEr = (g: readonly string[]) =>
  g
    .reduce((a, v) => a.plus(v), new Decimal(0))
    .times('0.319')
    .floor()
    .toFixed(0);

describe('MRV workflow: methodology → project registration → monitoring report → TPE verification → credits (real PostgreSQL + NATS)', () => {
  let db: TestDatabase;
  let mrv: INestApplication;
  let credits: INestApplication;
  let client: ClientNats;
  let nc: NatsConnection;
  const bus = testEventBus();
  const org = {
    company: randomUUID(),
    otherCompany: randomUUID(),
    tpe: randomUUID(),
    otherTpe: randomUUID(),
    moe: randomUUID(),
  };
  const ctx = {
    company: ctxFor(org.company, 'COMPANY'),
    otherCompany: ctxFor(org.otherCompany, 'COMPANY'),
    tpe: ctxFor(org.tpe, 'TPE'),
    otherTpe: ctxFor(org.otherTpe, 'TPE'),
    moe: ctxFor(org.moe, 'MOE'),
  };
  const call = <S extends z.ZodTypeAny>(subject: string, c: RequestContext, data: unknown, schema: S) =>
    sendRpc(client, subject, c, data, schema, 15_000);
  const withKey = (c: RequestContext, key: string): RequestContext => ({ ...c, idempotencyKey: key });
  const count = async (table: string) =>
    (await queryAs(db.url, {}, `SELECT count(*)::int AS n FROM mrv.${table}`))[0].n as number;
  const pvValues = (g: readonly string[]) => [
    { technologyId: 'PV1', values: { EG: monthlySeries(g, '2025-01-01', 'M1') } },
  ];
  let project: JcmProjectView;
  let report: MonitoringReportView;

  beforeAll(async () => {
    db = await createTestDatabase();
    const mrvConfig = testServiceConfig('mrv', db.url, bus);
    await migrateForTest(mrvConfig, MRV_MIGRATIONS);
    mrv = await startTestService(
      'mrv-service',
      MrvServiceModule.register(mrvConfig, fixedClock('2026-03-01T09:00:00Z')),
      bus,
    );
    // The real credits-service consumes the verification event in-process, booted through @jcm/testing.
    credits = (await bootService('credits-service', db, bus)).app;
    client = testNatsClient(bus);
    await client.connect();
    nc = await connect({ servers: TEST_NATS_URL });
    await call(
      CREDITS_RPC.registry.create,
      ctx.moe,
      { code: 'JP', nameEn: 'JCM Registry (Japan)', nameJa: 'JCM登録簿（日本）', managerOrgId: org.moe },
      RegistryView,
    );
    await call(
      CREDITS_RPC.account.open,
      ctx.moe,
      { registry: 'JP', type: 'GOVERNMENT_HOLDING', ownerOrgId: org.moe, holderName: 'Government of Japan' },
      AccountView,
    );
  });

  afterAll(async () => {
    await nc?.close();
    await client?.close();
    await credits?.close();
    await mrv?.close();
    await deleteTestStream(bus.stream);
    await db?.drop();
  });

  describe('methodologies as versioned data', () => {
    const draft = (over: Record<string, unknown> = {}) => ({
      ...SOLAR_PV_METHODOLOGY,
      status: 'DRAFT',
      publishedOn: undefined,
      version: '1.1',
      ...over,
    });
    const withFormula = (formula: string) =>
      draft({ outputs: SOLAR_PV_METHODOLOGY.outputs.map((o, i) => (i === 0 ? { ...o, formula } : o)) });

    it('ships the PV and chiller methodologies published', async () => {
      const page = await call(MRV_RPC.methodology.list, ctx.company, {}, MethodologyVersionPage);
      expect(page.items.map((m) => `${m.methodologyId} ${m.version} ${m.status}`).sort()).toEqual(
        ['JCM-CHILLER-CENTRIFUGAL 1.0 PUBLISHED', 'JCM-PV-GRID 1.0 PUBLISHED'].sort(),
      );
    });

    it('refuses a formula with a function outside the allow-list or an undefined parameter, with its position, and stores nothing', async () => {
      await expect(
        call(
          MRV_RPC.methodology.save,
          ctx.moe,
          { methodology: withFormula('sum(EG) * exp(EF_RE)') },
          MethodologyVersionView,
        ),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [
          expect.objectContaining({
            path: 'methodology.outputs.0.formula',
            message: expect.stringMatching(/^UNKNOWN_FUNCTION at 1:11 /),
          }),
        ],
      });
      await expect(
        call(
          MRV_RPC.methodology.save,
          ctx.moe,
          { methodology: withFormula('sum(EG) * EF_grid') },
          MethodologyVersionView,
        ),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [
          expect.objectContaining({
            path: 'methodology.outputs.0.formula',
            message: expect.stringMatching(/^UNDEFINED_PARAMETER at 1:11 /),
          }),
        ],
      });
      expect(await count('methodology_version')).toBe(2);
    });

    it('saves a draft, publishes it, then refuses any change to the published version (service and database)', async () => {
      await expect(
        call(MRV_RPC.methodology.save, ctx.company, { methodology: draft() }, MethodologyVersionView),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const saved = await call(
        MRV_RPC.methodology.save,
        ctx.moe,
        { methodology: draft() },
        MethodologyVersionView,
      );
      expect(saved).toMatchObject({ status: 'DRAFT', version: '1.1', inUse: false });
      // A draft is invisible to a company.
      await expect(
        call(
          MRV_RPC.methodology.get,
          ctx.company,
          { methodologyId: 'JCM-PV-GRID', version: '1.1' },
          MethodologyVersionView,
        ),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const published = await call(
        MRV_RPC.methodology.publish,
        ctx.moe,
        { methodologyId: 'JCM-PV-GRID', version: '1.1' },
        MethodologyVersionView,
      );
      expect(published).toMatchObject({ status: 'PUBLISHED', publishedOn: '2026-03-01' });
      await expect(
        call(
          MRV_RPC.methodology.save,
          ctx.moe,
          { methodology: draft({ basedOn: 'changed' }) },
          MethodologyVersionView,
        ),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(
        queryAs(
          db.url,
          { role: 'jcm_mrv', orgType: 'MOE', orgId: org.moe },
          `UPDATE mrv.methodology_version SET title_en = 'x' WHERE version = '1.1'`,
        ),
      ).rejects.toThrow(/published and cannot change/);
      const revised = await call(
        MRV_RPC.methodology.revise,
        ctx.moe,
        { methodologyId: 'JCM-PV-GRID', version: '1.1', newVersion: '1.2' },
        MethodologyVersionView,
      );
      expect(revised).toMatchObject({ status: 'DRAFT', version: '1.2' });
    });
  });

  describe('JCM project registration', () => {
    const createProject = (over: Record<string, unknown> = {}) => ({
      projectReference: 'TH001',
      hostCountry: 'TH',
      titleJa: 'タイ工場屋根置き太陽光発電',
      titleEn: 'Rooftop solar PV at a factory in Thailand',
      grantId: 'GRANT-2025-007',
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
        summary: 'Rooftop PV',
        site: 'Rayong',
        startOfOperation: '2025-01-01',
        expectedAnnualErT: '480',
      },
      ...over,
    });

    it('refuses bad input with field paths and writes nothing', async () => {
      await expect(
        call(
          MRV_RPC.project.create,
          ctx.company,
          createProject({ hostCountry: 'Thailand', technologies: [] }),
          JcmProjectView,
        ),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: expect.arrayContaining([
          expect.objectContaining({ path: 'hostCountry' }),
          expect.objectContaining({ path: 'technologies' }),
        ]),
      });
      const unpublished = createProject({
        technologies: [{ ...createProject().technologies[0], methodologyVersion: '1.2' }],
      });
      await expect(
        call(MRV_RPC.project.create, ctx.company, unpublished, JcmProjectView),
      ).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: 'technologies.0.methodologyVersion' })],
      });
      expect(await count('jcm_project')).toBe(0);
    });

    it('creates once per Idempotency-Key, and another company sees nothing', async () => {
      project = await call(
        MRV_RPC.project.create,
        withKey(ctx.company, 'p-th001'),
        createProject(),
        JcmProjectView,
      );
      expect(project).toMatchObject({
        status: 'PDD_DRAFTED',
        companyOrgId: org.company,
        grantId: 'GRANT-2025-007',
        registryProjectRef: 'TH001',
      });
      expect(
        (await call(MRV_RPC.project.create, withKey(ctx.company, 'p-th001'), createProject(), JcmProjectView))
          .id,
      ).toBe(project.id);
      await expect(
        call(MRV_RPC.project.get, ctx.otherCompany, { id: project.id }, JcmProjectView),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await call(MRV_RPC.project.list, ctx.otherCompany, {}, JcmProjectPage)).total).toBe(0);
      expect(
        await queryAs(
          db.url,
          { role: 'jcm_mrv', orgType: 'COMPANY', orgId: org.otherCompany },
          'SELECT id FROM mrv.jcm_project',
        ),
      ).toHaveLength(0);
    });

    it('needs the consultation record and an accredited TPE before validation', async () => {
      await expect(
        call(
          MRV_RPC.project.assignValidator,
          ctx.company,
          { id: project.id, tpeOrgId: org.tpe },
          JcmProjectView,
        ),
      ).rejects.toMatchObject({
        code: 'RULE_VIOLATION',
        issues: [expect.objectContaining({ path: 'stakeholderConsultation' })],
      });
      const lsc = {
        heldOn: '2024-11-05',
        place: 'Rayong',
        participants: 'Residents, factory staff',
        comments: 'Glare',
        howAddressed: 'Anti-glare panels',
      };
      await call(
        MRV_RPC.project.update,
        ctx.company,
        { id: project.id, stakeholderConsultation: lsc },
        JcmProjectView,
      );
      await expect(
        call(
          MRV_RPC.tpeAccreditation.grant,
          ctx.tpe,
          { tpeOrgId: org.tpe, sectoralScope: 1, validFrom: '2025-01-01', reference: 'x' },
          TpeAccreditationView,
        ),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await call(
        MRV_RPC.tpeAccreditation.grant,
        ctx.moe,
        { tpeOrgId: org.tpe, sectoralScope: 1, validFrom: '2025-01-01', reference: 'JC-TPE-001' },
        TpeAccreditationView,
      );
      // Accredited for another scope only, or expired: refused.
      await call(
        MRV_RPC.tpeAccreditation.grant,
        ctx.moe,
        { tpeOrgId: org.otherTpe, sectoralScope: 3, validFrom: '2025-01-01', reference: 'JC-TPE-002' },
        TpeAccreditationView,
      );
      await call(
        MRV_RPC.tpeAccreditation.grant,
        ctx.moe,
        {
          tpeOrgId: org.otherTpe,
          sectoralScope: 1,
          validFrom: '2020-01-01',
          validUntil: '2025-12-31',
          reference: 'JC-TPE-003',
        },
        TpeAccreditationView,
      );
      await expect(
        call(
          MRV_RPC.project.assignValidator,
          ctx.company,
          { id: project.id, tpeOrgId: org.otherTpe },
          JcmProjectView,
        ),
      ).rejects.toMatchObject({
        code: 'RULE_VIOLATION',
        issues: [{ path: 'tpeOrgId', message: 'Not accredited for scope 1' }],
      });
      await expect(
        call(MRV_RPC.project.get, ctx.tpe, { id: project.id }, JcmProjectView),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      project = await call(
        MRV_RPC.project.assignValidator,
        ctx.company,
        { id: project.id, tpeOrgId: org.tpe },
        JcmProjectView,
      );
      expect(project).toMatchObject({ status: 'VALIDATION', validatorOrgId: org.tpe });
      expect((await call(MRV_RPC.project.get, ctx.tpe, { id: project.id }, JcmProjectView)).id).toBe(
        project.id,
      );
    });

    it('validates only with every clarification resolved, then MOE registers and mrv.project.registered is published', async () => {
      const cl = await call(
        MRV_RPC.finding.raise,
        ctx.tpe,
        { subject: 'VALIDATION', subjectId: project.id, kind: 'CL', text: 'Meter calibration certificate?' },
        FindingView,
      );
      expect(cl).toMatchObject({ number: 'CL-01', status: 'OPEN' });
      const opinion = {
        id: project.id,
        opinion: 'POSITIVE',
        statement: 'The project meets the methodology.',
      };
      await expect(call(MRV_RPC.project.validate, ctx.tpe, opinion, JcmProjectView)).rejects.toMatchObject({
        code: 'CONFLICT',
        issues: [{ path: 'findings', message: 'Open: CL-01' }],
      });
      await expect(
        call(MRV_RPC.finding.resolve, ctx.company, { id: cl.id, text: 'ok' }, FindingView),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await call(
        MRV_RPC.finding.respond,
        ctx.company,
        { id: cl.id, text: 'Certificate CAL-2024-88 attached', evidenceFileIds: [randomUUID()] },
        FindingView,
      );
      await call(MRV_RPC.finding.resolve, ctx.tpe, { id: cl.id, text: 'Accepted' }, FindingView);
      await expect(
        call(MRV_RPC.project.validate, ctx.otherTpe, opinion, JcmProjectView),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await call(MRV_RPC.project.validate, ctx.tpe, opinion, JcmProjectView)).toMatchObject({
        status: 'VALIDATED',
        validationOpinion: 'POSITIVE',
      });
      await expect(
        call(
          MRV_RPC.project.register,
          ctx.company,
          { id: project.id, registeredOn: '2026-02-01', jcRegistrationRef: 'TH001' },
          JcmProjectView,
        ),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      project = await call(
        MRV_RPC.project.register,
        ctx.moe,
        { id: project.id, registeredOn: '2026-02-01', jcRegistrationRef: 'JC-TH001' },
        JcmProjectView,
      );
      expect(project).toMatchObject({ status: 'REGISTERED', registeredOn: '2026-02-01' });
      const jsm = await nc.jetstreamManager();
      const msg = await eventually(() =>
        jsm.streams
          .getMessage(bus.stream, { last_by_subj: `${bus.prefix}.mrv.project.registered` })
          .catch(() => undefined),
      );
      expect(JcmProjectRegisteredEvent.parse(JSON.parse(new TextDecoder().decode(msg.data)).data)).toEqual({
        projectId: project.id,
        projectReference: 'TH001',
        grantId: 'GRANT-2025-007',
        hostCountry: 'TH',
        registeredOn: '2026-02-01',
        methodologies: [{ id: 'JCM-PV-GRID', version: '1.0' }],
      });
    });
  });

  describe('monitoring report', () => {
    const period = { start: '2025-01-01', end: '2025-12-31' };

    it('checks every save with the engine: a gap and an out-of-range month are issues with their paths', async () => {
      const gap = pvValues(GENERATION).map((t) => ({
        ...t,
        values: {
          EG: t.values.EG.filter((_, i) => i !== 4).map((e, i) => (i === 0 ? { ...e, value: '-5' } : e)),
        },
      }));
      report = await call(
        MRV_RPC.monitoringReport.create,
        withKey(ctx.company, 'r-2025'),
        { projectId: project.id, period, technologies: gap },
        MonitoringReportView,
      );
      expect(report.status).toBe('DRAFT');
      expect(report.issues.map((i) => `${i.code} ${i.path}`)).toEqual(
        expect.arrayContaining([
          'OUT_OF_RANGE technologies.0.values.EG.0.value',
          expect.stringMatching(/^SERIES_GAP technologies\.0\.values\.EG/),
        ]),
      );
      expect(report.calculation).toBeNull();
      await expect(
        call(MRV_RPC.monitoringReport.submit, ctx.company, { id: report.id }, MonitoringReportView),
      ).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
      // A report may not restate the plan's ex-ante factor.
      await expect(
        call(
          MRV_RPC.monitoringReport.update,
          ctx.company,
          { id: report.id, technologies: [{ technologyId: 'PV1', values: { EF_RE: '0.9' } }] },
          MonitoringReportView,
        ),
      ).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'technologies.0.values.EF_RE', message: expect.any(String) }],
      });
    });

    it('twelve months give exactly the hand calculation; one changed month changes the result and the trace; a re-run is byte-identical', async () => {
      report = await call(
        MRV_RPC.monitoringReport.update,
        ctx.company,
        { id: report.id, version: report.version, technologies: pvValues(GENERATION) },
        MonitoringReportView,
      );
      expect(report.issues).toEqual([]);
      expect(report.totalEmissionReductionT).toBe(handEr(GENERATION));
      expect(report.totalEmissionReductionT).toBe('489');
      const first = report.calculationSha256;
      const changed = ['130.2', ...GENERATION.slice(1)];
      report = await call(
        MRV_RPC.monitoringReport.update,
        ctx.company,
        { id: report.id, version: report.version, technologies: pvValues(changed) },
        MonitoringReportView,
      );
      expect(report.totalEmissionReductionT).toBe(handEr(changed));
      expect(report.totalEmissionReductionT).toBe('490');
      expect(report.calculationSha256).not.toBe(first);
      expect(report.calculation).toContain('"130.2"');
      const [stored] = await queryAs(
        db.url,
        {},
        `SELECT encode(sha256(convert_to(canonical_trace, 'UTF8')), 'hex') AS h FROM mrv.monitoring_report WHERE id = $1`,
        [report.id],
      );
      expect(stored.h).toBe(report.calculationSha256);
      expect(await call(MRV_RPC.monitoringReport.rerun, ctx.moe, { id: report.id }, RerunView)).toEqual({
        identical: true,
        calculationSha256: report.calculationSha256,
        rerunSha256: report.calculationSha256,
      });
      await expect(
        call(
          MRV_RPC.monitoringReport.update,
          ctx.company,
          { id: report.id, version: 1, technologies: pvValues(GENERATION) },
          MonitoringReportView,
        ),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    });

    it('is visible to the project participants only: not another company, not an unassigned TPE (query and RLS)', async () => {
      await expect(
        call(MRV_RPC.monitoringReport.get, ctx.otherCompany, { id: report.id }, MonitoringReportView),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        call(MRV_RPC.monitoringReport.get, ctx.tpe, { id: report.id }, MonitoringReportView),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        call(
          MRV_RPC.monitoringReport.update,
          ctx.otherCompany,
          { id: report.id, technologies: pvValues(GENERATION) },
          MonitoringReportView,
        ),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(
        (await call(MRV_RPC.monitoringReport.list, ctx.otherCompany, {}, MonitoringReportPage)).total,
      ).toBe(0);
      expect((await call(MRV_RPC.monitoringReport.list, ctx.company, {}, MonitoringReportPage)).total).toBe(
        1,
      );
      expect(
        await queryAs(
          db.url,
          { role: 'jcm_mrv', orgType: 'TPE', orgId: org.tpe },
          'SELECT id FROM mrv.monitoring_report',
        ),
      ).toHaveLength(0);
    });

    it('refuses a second report over an overlapping period with a 409 on the period', async () => {
      await expect(
        call(
          MRV_RPC.monitoringReport.create,
          ctx.company,
          {
            projectId: project.id,
            period: { start: '2025-12-01', end: '2026-01-31' },
            technologies: pvValues(['10', '10']).map((t) => ({
              ...t,
              values: { EG: monthlySeries(['10', '10'], '2025-12-01') },
            })),
          },
          MonitoringReportView,
        ),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        issues: [{ path: 'period', message: 'Overlaps an earlier report' }],
      });
    });
  });

  describe('TPE verification', () => {
    const opinion = () => ({
      id: report.id,
      opinion: 'POSITIVE',
      statement: 'Reasonable assurance.',
      verificationDate: '2026-02-20',
      verificationReportRef: 'VR-TH001-2025',
      calculationSha256: report.calculationSha256,
    });

    it('submits once per Idempotency-Key; only the assigned, accredited TPE sees and verifies it', async () => {
      const submitted = await call(
        MRV_RPC.monitoringReport.submit,
        withKey(ctx.company, 's-2025'),
        { id: report.id },
        MonitoringReportView,
      );
      expect(submitted.status).toBe('SUBMITTED');
      expect(
        (
          await call(
            MRV_RPC.monitoringReport.submit,
            withKey(ctx.company, 's-2025'),
            { id: report.id },
            MonitoringReportView,
          )
        ).version,
      ).toBe(submitted.version);
      await expect(
        call(
          MRV_RPC.monitoringReport.assignVerifier,
          ctx.company,
          { id: report.id, tpeOrgId: org.otherTpe },
          MonitoringReportView,
        ),
      ).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
      report = await call(
        MRV_RPC.monitoringReport.assignVerifier,
        ctx.company,
        { id: report.id, tpeOrgId: org.tpe },
        MonitoringReportView,
      );
      expect(report.tpeOrgId).toBe(org.tpe);
      expect((await call(MRV_RPC.monitoringReport.list, ctx.tpe, {}, MonitoringReportPage)).total).toBe(1);
      expect((await call(MRV_RPC.monitoringReport.list, ctx.otherTpe, {}, MonitoringReportPage)).total).toBe(
        0,
      );
      await expect(
        call(MRV_RPC.monitoringReport.verify, ctx.otherTpe, opinion(), MonitoringReportView),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('a CAR returns the report; the company corrects and resubmits; verification waits for every CAR to be resolved', async () => {
      const car = await call(
        MRV_RPC.finding.raise,
        ctx.tpe,
        {
          subject: 'VERIFICATION',
          subjectId: report.id,
          kind: 'CAR',
          text: 'January reading differs from the invoice (128.4 MWh).',
          parameterId: 'EG',
        },
        FindingView,
      );
      expect(car.number).toBe('CAR-01');
      report = await call(MRV_RPC.monitoringReport.get, ctx.company, { id: report.id }, MonitoringReportView);
      expect(report.status).toBe('RETURNED');
      await expect(
        call(MRV_RPC.monitoringReport.verify, ctx.tpe, opinion(), MonitoringReportView),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      report = await call(
        MRV_RPC.monitoringReport.update,
        ctx.company,
        { id: report.id, technologies: pvValues(GENERATION) },
        MonitoringReportView,
      );
      const stale = opinion();
      report = await call(
        MRV_RPC.monitoringReport.submit,
        ctx.company,
        { id: report.id },
        MonitoringReportView,
      );
      expect(report.totalEmissionReductionT).toBe('489');
      await call(
        MRV_RPC.finding.respond,
        ctx.company,
        { id: car.id, text: 'Corrected to the invoice value.' },
        FindingView,
      );
      await expect(
        call(MRV_RPC.monitoringReport.verify, ctx.tpe, opinion(), MonitoringReportView),
      ).rejects.toMatchObject({ code: 'CONFLICT', issues: [{ path: 'findings', message: 'Open: CAR-01' }] });
      await call(MRV_RPC.finding.resolve, ctx.tpe, { id: car.id, text: 'Closed.' }, FindingView);
      // An opinion on a calculation that is no longer the report's is refused (the hash names what was read).
      await expect(
        call(
          MRV_RPC.monitoringReport.verify,
          ctx.tpe,
          { ...stale, calculationSha256: '0'.repeat(64) },
          MonitoringReportView,
        ),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        issues: [expect.objectContaining({ path: 'calculationSha256' })],
      });
    });

    it('verifies once per Idempotency-Key, publishes the verification, and credits prepares exactly one pending issuance', async () => {
      const verified = await call(
        MRV_RPC.monitoringReport.verify,
        withKey(ctx.tpe, 'v-2025'),
        opinion(),
        MonitoringReportView,
      );
      expect(verified).toMatchObject({
        status: 'VERIFIED',
        verifiedEmissionReductions: '489',
        verificationOpinion: 'POSITIVE',
      });
      expect(
        (
          await call(
            MRV_RPC.monitoringReport.verify,
            withKey(ctx.tpe, 'v-2025'),
            opinion(),
            MonitoringReportView,
          )
        ).version,
      ).toBe(verified.version);
      const page = await eventually(async () => {
        const p = await call(CREDITS_RPC.issuance.listPending, ctx.moe, {}, PendingIssuancePage);
        return p.total >= 1 ? p : undefined;
      });
      expect(page.items).toEqual([
        expect.objectContaining({
          monitoringReportId: report.id,
          quantity: '489',
          status: 'PENDING',
          projectReference: 'TH001',
        }),
      ]);
      const [{ n }] = await queryAs(
        db.url,
        {},
        `SELECT count(*)::int AS n FROM mrv.outbox WHERE event_type = 'mrv.monitoring-report.verified'`,
      );
      expect(n).toBe(1);
    });

    it('MOE issues the credits from the pending issuance, and the serial traces back to the report (credits.block.trace)', async () => {
      await call(
        CREDITS_RPC.project.register,
        ctx.moe,
        {
          reference: 'TH001',
          partnerCountry: 'TH',
          titleEn: 'Rooftop PV',
          methodology: 'JCM-PV-GRID',
          participantOrgIds: [org.company],
          subsidised: true,
          governmentShare: '0.5',
        },
        ProjectView,
      );
      const account = await call(
        CREDITS_RPC.account.open,
        ctx.moe,
        { registry: 'JP', type: 'ENTITY_HOLDING', ownerOrgId: org.company, holderName: 'Demo Company' },
        AccountView,
      );
      const [pending] = (await call(CREDITS_RPC.issuance.listPending, ctx.moe, {}, PendingIssuancePage))
        .items;
      const confirmed = await call(
        CREDITS_RPC.issuance.confirm,
        ctx.moe,
        {
          id: pending.id,
          jointCommitteeDecisionRef: 'JC-TH-2026-01',
          participantAllocations: [{ accountId: account.id }],
        },
        ConfirmedIssuance,
      );
      expect(confirmed.issuance.quantity).toBe('489');
      const block = confirmed.issuance.blocks[0];
      const trace = await sendRpc(
        client,
        CREDITS_RPC.block.trace,
        null,
        { serial: block.serial },
        SerialTraceView,
        10_000,
      );
      expect(trace).toMatchObject({
        projectReference: 'TH001',
        monitoringReportId: report.id,
        issuance: { id: confirmed.issuance.id, jointCommitteeDecisionRef: 'JC-TH-2026-01' },
      });
      // One unit inside the block traces the same way; an unknown serial is 404, a malformed one 400.
      const unit = `JP-TH001-${block.vintage}-${block.firstUnit}-${block.firstUnit}`;
      expect(
        (await sendRpc(client, CREDITS_RPC.block.trace, null, { serial: unit }, SerialTraceView, 10_000))
          .monitoringReportId,
      ).toBe(report.id);
      await expect(
        sendRpc(
          client,
          CREDITS_RPC.block.trace,
          null,
          { serial: 'JP-TH001-2019-1-1' },
          SerialTraceView,
          10_000,
        ),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        sendRpc(client, CREDITS_RPC.block.trace, null, { serial: 'nonsense' }, SerialTraceView, 10_000),
      ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('traces the report back to its project and grant', async () => {
      const trace = await call(
        MRV_RPC.monitoringReport.trace,
        ctx.moe,
        { id: report.id },
        MonitoringReportTraceView,
      );
      expect(trace).toMatchObject({
        report: {
          id: report.id,
          verifiedEmissionReductions: '489',
          methodologies: [{ id: 'JCM-PV-GRID', version: '1.0' }],
        },
        project: { projectReference: 'TH001', status: 'REGISTERED' },
        grantId: 'GRANT-2025-007',
      });
      await expect(
        call(MRV_RPC.monitoringReport.trace, ctx.otherCompany, { id: report.id }, MonitoringReportTraceView),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // The methodology version the report used is now in use.
      const v = await call(
        MRV_RPC.methodology.get,
        ctx.company,
        { methodologyId: 'JCM-PV-GRID', version: '1.0' },
        MethodologyVersionView,
      );
      expect(v.inUse).toBe(true);
    });
  });
});
