/**
 * The raw limits of this run's servers: what PostgreSQL itself does (pgbench, on a throwaway database on the same
 * server, dropped afterwards) and what one NATS request/reply costs with the project's own client.
 */
import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import { connect } from 'nats';
import { Client } from 'pg';
import { BENCH_CLIENTS, boundedLoop, percentile, RawBaselines } from './bench-kit';

const PGBENCH_SCALE = 4;
const PGBENCH_SECONDS = Number(process.env['BENCH_PGBENCH_SECONDS'] ?? 10);

export async function measureBaselines(databaseUrl: string, natsUrl: string): Promise<RawBaselines> {
  const [pgbenchSimpleUpdateTps, pgbenchSelectOnlyTps] = await pgbench(databaseUrl, ['-N', '-S']);
  const natsEchoP50Ms = await natsEchoP50(natsUrl);
  return { pgbenchSimpleUpdateTps, pgbenchSelectOnlyTps, natsEchoP50Ms };
}

/** tps of each pgbench mode, BENCH_CLIENTS clients, PGBENCH_SECONDS each, on a fresh pgbench database. */
async function pgbench(adminUrl: string, modes: string[]): Promise<number[]> {
  const bin = findPgbench();
  const name = `jcm_pgbench_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  const env = {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: name,
  };
  try {
    run(bin, ['-i', '-q', '-s', String(PGBENCH_SCALE)], env);
    return modes.map((mode) => {
      const out = run(
        bin,
        [mode, '-n', '-c', String(BENCH_CLIENTS), '-j', '2', '-T', String(PGBENCH_SECONDS)],
        env,
      );
      const tps = /tps = ([\d.]+)/.exec(out);
      if (!tps) throw new Error(`pgbench ${mode}: no tps in its output:\n${out}`);
      return Number(tps[1]);
    });
  } finally {
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(bin, args, { env, encoding: 'utf8', timeout: (PGBENCH_SECONDS + 60) * 1000 });
  if (r.status !== 0)
    throw new Error(`pgbench ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  return r.stdout + r.stderr;
}

/** pgbench ships with Debian's PostgreSQL client; installed with apt when missing and running as root. */
function findPgbench(): string {
  const onPath = () => spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).stdout.trim();
  const found = onPath();
  if (found) return found;
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    process.stdout.write(
      'pgbench is not installed; installing it with: apt-get install -y postgresql-client\n',
    );
    const ok =
      spawnSync('apt-get', ['update'], { stdio: 'inherit' }).status === 0 &&
      spawnSync('apt-get', ['install', '-y', 'postgresql-client'], { stdio: 'inherit' }).status === 0;
    if (ok && onPath()) return onPath();
  }
  throw new Error(
    'pgbench is needed for the PostgreSQL baseline. Install it (Debian/Ubuntu: sudo apt-get install -y postgresql-client), then run npm run bench again.',
  );
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** One requester, one responder, separate connections (as gateway and service are), one request at a time. */
async function natsEchoP50(natsUrl: string): Promise<number> {
  const responder = await connect({ servers: natsUrl });
  const requester = await connect({ servers: natsUrl });
  const subject = `bench.echo.${randomBytes(4).toString('hex')}`;
  try {
    const sub = responder.subscribe(subject, { callback: (_err, msg) => msg.respond(msg.data) });
    await responder.flush();
    const payload = new TextEncoder().encode(
      JSON.stringify({ data: { limit: 20 }, ctx: { orgId: randomBytes(16).toString('hex') } }),
    );
    await boundedLoop(200, 1, 5_000, () => requester.request(subject, payload, { timeout: 5_000 })); // warm-up
    const r = await boundedLoop(3_000, 1, 15_000, () =>
      requester.request(subject, payload, { timeout: 5_000 }),
    );
    sub.unsubscribe();
    return percentile(r.latenciesMs, 50);
  } finally {
    await requester.close();
    await responder.close();
  }
}
