/**
 * The read path as a browser meets it: the platform started exactly as `npm start` runs it (gateway and services as
 * separate processes, demo data), partnership list and detail over HTTP at 1 and 200 connections, and the portal's
 * initial JavaScript as served.
 */
import http from 'http';
import net from 'net';
import zlib from 'zlib';
import { PlatformStack, startPlatform, stopPlatform } from '@jcm/testing';
import { assertMostlyOk, BenchContext, BenchMeasure, boundedLoop, percentile } from './bench-kit';

const MANY = 200;
let stack: Promise<{ platform: PlatformStack; token: string; detailPath: string }> | undefined;

function platform(ctx: BenchContext) {
  if (!stack) {
    const started = (async () => {
      const p = await startPlatform(await freePort());
      const login = await fetch(`${p.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'moe@demo.example', password: 'demo-password' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const list = (await (
        await fetch(`${p.baseUrl}/api/v1/partnerships`, {
          headers: { authorization: `Bearer ${accessToken}` },
        })
      ).json()) as {
        items: { id: string }[];
      };
      return { platform: p, token: accessToken, detailPath: `/api/v1/partnerships/${list.items[0].id}` };
    })();
    stack = started;
    ctx.onCleanup(async () => stopPlatform((await started).platform));
  }
  return stack;
}

/** GET through a keep-alive agent (one socket per connection); resolves with the status, rejects on non-200. */
function getter(baseUrl: string, token: string, connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const get = (path: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(
        `${baseUrl}${path}`,
        { agent, headers: { authorization: `Bearer ${token}` } },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
    });
  return { get, close: () => agent.destroy() };
}

async function readLoad(
  ctx: BenchContext,
  label: string,
  path: (s: { detailPath: string }) => string,
): Promise<BenchMeasure[]> {
  const s = await platform(ctx);
  const target = path(s);
  const base = await ctx.baselines();

  const one = getter(s.platform.baseUrl, s.token, 1);
  await boundedLoop(100, 1, 5_000, () => one.get(target)); // warm-up: JIT, pools, caches
  const sequential = await boundedLoop(2_000, 1, 10_000, () => one.get(target));
  one.close();
  assertMostlyOk(`${label}, 1 connection`, sequential);

  const many = getter(s.platform.baseUrl, s.token, MANY);
  await boundedLoop(MANY * 2, MANY, 5_000, () => many.get(target));
  const loaded = await boundedLoop(50_000, MANY, 10_000, () => many.get(target));
  many.close();
  assertMostlyOk(`${label}, ${MANY} connections`, loaded);

  return [
    {
      name: `${label}, ${MANY} connections`,
      value: loaded.perSecond,
      unit: 'requests/s',
      baseline: base.pgbenchSelectOnlyTps,
      baselineUnit: 'tps (pgbench -S)',
    },
    {
      name: `${label}, 1 connection, p50`,
      value: percentile(sequential.latenciesMs, 50),
      unit: 'ms',
      baseline: base.natsEchoP50Ms,
      baselineUnit: 'ms (raw NATS request/reply p50)',
    },
  ];
}

export function partnershipList(ctx: BenchContext): Promise<BenchMeasure[]> {
  return readLoad(ctx, 'partnership list (gateway)', () => '/api/v1/partnerships');
}

export function partnershipDetail(ctx: BenchContext): Promise<BenchMeasure[]> {
  return readLoad(ctx, 'partnership detail (gateway)', (s) => s.detailPath);
}

/** The JavaScript index.html loads (scripts and module preloads), in bytes on the wire with `Accept-Encoding: br, gzip`. */
export async function portalInitialJavaScript(ctx: BenchContext): Promise<BenchMeasure[]> {
  const { platform: p } = await platform(ctx);
  const html = await (await fetch(`${p.baseUrl}/`)).text();
  const files = initialScripts(html);
  if (files.length === 0) throw new Error(`index.html loads no JavaScript?\n${html.slice(0, 500)}`);
  let wire = 0;
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const r = await rawGet(new URL(file, `${p.baseUrl}/`).toString(), { 'accept-encoding': 'br, gzip' });
    const body = decode(r.body, r.encoding);
    wire += r.body.length;
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
  }
  const kB = (n: number) => n / 1000;
  return [
    {
      name: `portal initial JavaScript on the wire (${files.length} files)`,
      value: kB(wire),
      unit: 'kB',
      baseline: kB(raw),
      baselineUnit: 'kB uncompressed',
    },
    {
      name: 'portal initial JavaScript, gzip -9 of the same files',
      value: kB(gzip),
      unit: 'kB',
      baseline: kB(raw),
      baselineUnit: 'kB uncompressed',
    },
  ];
}

function initialScripts(html: string): string[] {
  const files = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(tag);
    if (src) files.add(src[1]);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = /\shref="([^"]+\.js)"/.exec(tag);
    if (href && /rel="modulepreload"/.test(tag)) files.add(href[1]);
  }
  return [...files];
}

function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ body: Buffer; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve({ body: Buffer.concat(chunks), encoding: res.headers['content-encoding'] })
            : reject(new Error(`${url}: HTTP ${res.statusCode}`)),
        );
      })
      .on('error', reject);
  });
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  return body;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
