import { EntityManager } from 'typeorm';
import { z } from 'zod';
import { defineEvent } from '@jcm/contracts';
import { appendToOutbox } from './outbox';

const Reduced = defineEvent(
  'partnership.annual-contract.reduced',
  z.object({ id: z.uuid(), contractAmountYen: z.number().int() }),
);
const ID = '00000000-0000-4000-8000-000000000001';

describe('appendToOutbox', () => {
  it('writes a payload that matches its event schema, with the aggregate id in the envelope', async () => {
    const params: unknown[][] = [];
    const m = { query: async (_: string, p: unknown[]) => params.push(p) } as unknown as EntityManager;
    const env = await appendToOutbox(
      m,
      'partnership',
      Reduced,
      { id: ID, contractAmountYen: 18_000_000 },
      null,
      { aggregateId: ID },
    );
    expect(env).toMatchObject({
      type: 'partnership.annual-contract.reduced',
      aggregate: { id: ID },
      data: { contractAmountYen: 18_000_000 },
    });
    expect(JSON.parse(params[0][2] as string)).toEqual(env);
  });

  it('refuses a payload that does not match (INTERNAL) and writes nothing', async () => {
    const m = { query: jest.fn() } as unknown as EntityManager;
    const bad = { id: ID, contractAmountYen: '18000000' } as unknown as {
      id: string;
      contractAmountYen: number;
    };
    await expect(
      appendToOutbox(m, 'partnership', Reduced, bad, null, { aggregateId: ID }),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(m.query).not.toHaveBeenCalled();
  });
});
