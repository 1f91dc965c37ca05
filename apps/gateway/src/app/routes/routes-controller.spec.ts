import * as z from 'zod';
import { DomainError, RequestContext } from '@jcm/contracts';
import { route, routeArea } from './route';
import { runRoute } from './routes-controller';
import type { GatewayServices } from './gateway-services';

const ctx: RequestContext = {
  userId: '11111111-1111-4111-8111-111111111111',
  orgId: '22222222-2222-4222-8222-222222222222',
  orgType: 'MOE',
  role: 'admin',
  correlationId: '33333333-3333-4333-8333-333333333333',
} as RequestContext;
const ID = '44444444-4444-4444-8444-444444444444';

/** Records what would go over NATS and answers with the reply the schema expects. */
function fakeServices() {
  const sent: { subject: string; ctx: RequestContext | null; data: unknown; timeoutMs?: number }[] = [];
  const bus = {
    send: async (
      subject: string,
      c: RequestContext | null,
      data: unknown,
      reply: z.ZodTypeAny,
      timeoutMs?: number,
    ) => {
      sent.push({ subject, ctx: c, data, timeoutMs });
      return reply.parse({ ok: true });
    },
  };
  return { sent, services: { bus } as unknown as GatewayServices };
}

const Ok = z.object({ ok: z.boolean() });
const [score, ofContract, getOne, anonymous] = routeArea('Test', [
  route({
    method: 'POST',
    path: 'things/:id/score',
    summary: 's',
    body: z.object({ id: z.uuid(), points: z.number().int() }),
    response: Ok,
    rpc: { subject: 'svc.thing.score' },
  }),
  route({
    method: 'GET',
    path: 'contracts/:id/things',
    summary: 'l',
    query: z.object({ contractId: z.uuid(), limit: z.coerce.number().default(20) }),
    pathAs: { id: 'contractId' },
    response: Ok,
    rpc: { subject: 'svc.thing.list', timeoutMs: 900 },
  }),
  route({
    method: 'GET',
    path: 'things/:id',
    summary: 'g',
    params: z.object({ id: z.uuid() }),
    response: Ok,
    rpc: { subject: 'svc.thing.get' },
  }),
  route({
    method: 'GET',
    path: 'public/things',
    summary: 'p',
    auth: 'public',
    response: Ok,
    rpc: { subject: 'svc.thing.summary' },
  }),
]).routes;

describe('runRoute: one declaration parses the input and forwards it', () => {
  const call = (services: GatewayServices, c: RequestContext | null = ctx) => ({
    ctx: c,
    me: null,
    params: {},
    rawBody: undefined,
    res: {} as never,
    clientAddress: '127.0.0.1',
    services,
  });

  it('merges path parameters into the body (the path wins) and sends the caller’s context', async () => {
    const { sent, services } = fakeServices();
    await runRoute(score, call(services), {
      params: { id: ID },
      query: {},
      body: { id: 'forged', points: 7 },
    });
    expect(sent).toEqual([
      { subject: 'svc.thing.score', ctx, data: { id: ID, points: 7 }, timeoutMs: undefined },
    ]);
  });

  it('renames a path parameter into the query (pathAs) and keeps the route’s own deadline', async () => {
    const { sent, services } = fakeServices();
    await runRoute(ofContract, call(services), { params: { id: ID }, query: { limit: '5' }, body: {} });
    expect(sent[0]).toMatchObject({
      subject: 'svc.thing.list',
      data: { contractId: ID, limit: 5 },
      timeoutMs: 900,
    });
  });

  it('answers bad input with field paths and the part of the request it came from, sending nothing', async () => {
    const { sent, services } = fakeServices();
    const err = await runRoute(getOne, call(services), { params: { id: 'nope' }, query: {}, body: {} }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^Invalid path: id/),
    });
    const body = await runRoute(score, call(services), {
      params: { id: ID },
      query: {},
      body: { points: 1.5 },
    }).catch((e: unknown) => e);
    expect(body).toMatchObject({ message: expect.stringMatching(/^Invalid request: points/) });
    expect(sent).toEqual([]);
  });

  it('forwards a public route anonymously: no context at all', async () => {
    const { sent, services } = fakeServices();
    await runRoute(anonymous, call(services, null), { params: {}, query: {}, body: {} });
    expect(sent).toEqual([{ subject: 'svc.thing.summary', ctx: null, data: {}, timeoutMs: undefined }]);
  });
});
