import { INestApplication } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { Dashboard } from '@jcm/contracts';
import { bootService, eventually } from '@jcm/testing';
import { GatewayWorld, startGatewayWorld, stopGatewayWorld } from '../testing/gateway-world';

/** The dashboard over HTTP on the real services: the demo's city pairs reach it through portfolio's projections. */
describe('/api/v1/portfolio', () => {
  let world: GatewayWorld;
  let portfolio: INestApplication;

  const dashboard = async (who: string): Promise<Dashboard> => {
    const res = await world.http().get('/api/v1/portfolio/dashboard').set(world.as(who)).expect(200);
    return Dashboard.parse(res.body);
  };

  beforeAll(async () => {
    world = await startGatewayWorld();
    portfolio = (await bootService('portfolio-service', world.db, world.bus)).app;
  });

  afterAll(async () => {
    await portfolio?.close();
    await stopGatewayWorld(world);
  });

  it('shows MOE every demo city pair and Yokohama only its own', async () => {
    const moe = await eventually(async () => {
      const d = await dashboard('moe');
      return d.pipeline[0].count > 1 ? d : undefined;
    }, 20_000);
    const yokohama = await dashboard('yokohama');
    expect(yokohama.pipeline[0].count).toBeGreaterThan(0);
    expect(yokohama.pipeline[0].count).toBeLessThan(moe.pipeline[0].count);
  });

  it('downloads the pipeline as CSV with a BOM and Japanese headers, and as XLSX with the same numbers', async () => {
    const d = await dashboard('moe');
    const csv = await world
      .http()
      .get('/api/v1/portfolio/dashboard/export?table=pipeline&format=csv&lang=ja')
      .set(world.as('moe'))
      .buffer(true)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const text = csv.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('段階,件数,金額 (円),tCO2,転換率 (%)');
    expect(lines[1]).toBe(`都市間連携,${d.pipeline[0].count},${d.pipeline[0].yen},${d.pipeline[0].tco2},`);

    const xlsx = await world
      .http()
      .get('/api/v1/portfolio/dashboard/export?table=pipeline&format=xlsx&lang=en')
      .set(world.as('moe'))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const wb = new Workbook();
    await wb.xlsx.load(xlsx.body as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Stage',
      'Count',
      'Amount (JPY)',
      'tCO2',
      'Conversion (%)',
    ]);
    const rows = d.pipeline.map((s, i) => {
      const v = ws.getRow(i + 2).values as unknown[];
      return [v[2], v[3], v[4]];
    });
    expect(rows).toEqual(d.pipeline.map((s) => [s.count, s.yen, s.tco2]));
  });

  it('refuses an unknown table with 400 and the field path', async () => {
    const res = await world
      .http()
      .get('/api/v1/portfolio/dashboard/export?table=nope')
      .set(world.as('moe'))
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('table');
  });
});
