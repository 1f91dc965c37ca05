import { EntityManager } from 'typeorm';
import { DomainError } from '@jcm/contracts';
import { date, jsonb, text, timestamptz, uuid, uuidArray, yen, yenFrom } from './columns';
import { defineSource, orderFor, Where } from './source';
import { defineTable, NOW } from './table';

/** Records the statements a table builds and answers with canned rows (the real PostgreSQL is in the int-specs). */
function recorder(answer: (sql: string, params: unknown[]) => unknown) {
  const calls: { sql: string; params: unknown[] }[] = [];
  const m = {
    query: async (sql: string, params: unknown[]) => (calls.push({ sql, params }), answer(sql, params)),
  } as unknown as EntityManager;
  return { m, calls };
}

const REPORT = defineTable(
  'partnership.monthly_report',
  {
    id: uuid().default(),
    contract_id: uuid(),
    due_date: date(),
    state: text<'draft' | 'submitted'>().default(),
    upcoming: jsonb<{ month: string; plan: string }[]>(),
    amount_yen: yen(),
    submitted_at: timestamptz().nullable(),
    participant_org_ids: uuidArray(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

const RAW = {
  id: 'r1',
  contract_id: 'c1',
  due_date: '2026-05-10',
  state: 'draft',
  upcoming: [{ month: '2026-05', plan: '調査' }],
  amount_yen: '19965000',
  submitted_at: null,
  participant_org_ids: ['o1'],
  updated_at: new Date('2026-05-01T00:00:00Z'),
};

describe('defineTable', () => {
  it('derives a parameterised INSERT from the row schema and decodes what it returns', async () => {
    const { m, calls } = recorder(() => [RAW]);
    const row = await REPORT.insert(m, {
      contract_id: 'c1',
      due_date: '2026-05-10',
      upcoming: RAW.upcoming,
      amount_yen: 19_965_000,
      submitted_at: null,
      participant_org_ids: ['o1'],
    });
    expect(calls[0].sql).toContain(
      'INSERT INTO partnership.monthly_report (contract_id, due_date, upcoming, amount_yen, submitted_at, participant_org_ids)',
    );
    expect(calls[0].sql).toContain(
      'VALUES ($1::uuid, $2::date, $3::jsonb, $4::bigint, $5::timestamptz, $6::uuid[])',
    );
    expect(calls[0].sql).toContain(`to_char(due_date, 'YYYY-MM-DD') AS "due_date"`);
    expect(calls[0].params).toEqual([
      'c1',
      '2026-05-10',
      JSON.stringify(RAW.upcoming),
      '19965000',
      null,
      ['o1'],
    ]);
    expect(row).toMatchObject({ amount_yen: 19_965_000, due_date: '2026-05-10', submitted_at: null });
  });

  it('refuses at compile time an INSERT that forgets a column without a default, nullable ones included', async () => {
    const { m } = recorder(() => [RAW]);
    const forgotten = {
      contract_id: 'c1',
      due_date: '2026-05-10',
      upcoming: [],
      amount_yen: 1,
      participant_org_ids: [],
    };
    // @ts-expect-error submitted_at is nullable but has no default: it must be written, as null if need be.
    await expect(REPORT.insert(m, forgotten)).rejects.toThrow(/INSERT without submitted_at/);
  });

  it('updates only the named columns, touches updated_at and puts now() where NOW is given', async () => {
    const { m, calls } = recorder(() => [[{ id: 'r1' }], 1]);
    expect(await REPORT.update(m, 'r1', { state: 'submitted', submitted_at: NOW })).toBe(true);
    expect(calls[0].sql).toBe(
      'UPDATE partnership.monthly_report SET state = $2::text, submitted_at = now(), updated_at = now() WHERE id = $1 RETURNING id',
    );
    expect(calls[0].params).toEqual(['r1', 'submitted']);
  });

  it('has a full writer that needs every column but the excluded ones', async () => {
    const { m, calls } = recorder(() => [[{ id: 'r1' }], 1]);
    const writeContent = REPORT.fullWriter(
      'id',
      'contract_id',
      'due_date',
      'state',
      'submitted_at',
      'participant_org_ids',
      'updated_at',
    );
    await writeContent(m, 'r1', { upcoming: [], amount_yen: 5 });
    expect(calls[0].sql).toContain('SET upcoming = $2::jsonb, amount_yen = $3::bigint, updated_at = now()');
    // @ts-expect-error amount_yen is part of the content: leaving it out is a type error…
    await expect(writeContent(m, 'r1', { upcoming: [] })).rejects.toThrow(/full write without amount_yen/);
  });

  it('converts bigint yen only when exact', () => {
    expect(yenFrom('19965000')).toBe(19_965_000);
    expect(() => yenFrom('9007199254740993')).toThrow(DomainError);
    expect(() => yenFrom('1.5')).toThrow(DomainError);
  });
});

describe('defineSource', () => {
  const CONTRACT = defineTable('partnership.annual_contract', {
    id: uuid(),
    state: text(),
    participant_org_ids: uuidArray(),
  });
  const SOURCE = defineSource({
    from: 'partnership.monthly_report r JOIN partnership.annual_contract c ON c.id = r.contract_id',
    alias: 'r',
    label: 'Monthly report',
    fields: {
      ...REPORT.fields('r', ['id', 'due_date', 'amount_yen']),
      contract_state: CONTRACT.field('c', 'state'),
    },
  });
  const company = { orgId: '00000000-0000-4000-8000-000000000001', orgType: 'COMPANY' as const };

  it('finds by key under the tenant filter, locks its own table, and reports another tenant’s record as not found', async () => {
    const { m, calls } = recorder(() => []);
    await expect(SOURCE.find(m, company, 'r9', { lock: true })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Monthly report r9 not found',
    });
    expect(calls[0].sql).toContain(
      'WHERE $1::uuid = ANY(r.participant_org_ids) AND r.id = $2 LIMIT 1 FOR UPDATE OF r',
    );
    expect(calls[0].params).toEqual([company.orgId, 'r9']);
    expect(calls[0].sql).toContain(`c.state AS "contract_state"`);
  });

  it('pages with a parameterised LIMIT/OFFSET, a total and a whitelisted sort; MOE is not filtered', async () => {
    const { m, calls } = recorder((sql) =>
      sql.startsWith('SELECT count') ? [{ total: 7 }] : [{ ...RAW, contract_state: 'signed' }],
    );
    const page = await SOURCE.page(
      m,
      { orgId: company.orgId, orgType: 'MOE' },
      { sort: '-dueDate', limit: 2, offset: 4 },
      { dueDate: 'r.due_date' },
      (w) => w.eq('r.state', 'draft').eq('r.contract_id', undefined),
    );
    expect(page).toEqual({
      total: 7,
      rows: [{ id: 'r1', due_date: '2026-05-10', amount_yen: 19_965_000, contract_state: 'signed' }],
    });
    expect(calls[0]).toEqual({ sql: expect.stringContaining('WHERE r.state = $1'), params: ['draft'] });
    expect(calls[1].sql).toContain('ORDER BY r.due_date DESC NULLS LAST, r.id ASC LIMIT $2 OFFSET $3');
    expect(calls[1].params).toEqual(['draft', 2, 4]);
    expect(() => orderFor('constructor', { dueDate: 'r.due_date' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });

  it('numbers placeholders itself', () => {
    const w = new Where().eq('a', 1).and((p) => `b < ${p(2)} AND c = ANY(${p(['x'])})`);
    expect(w.toSql()).toBe('WHERE a = $1 AND b < $2 AND c = ANY($3)');
    expect(w.params).toEqual([1, 2, ['x']]);
  });
});
