// `npm start`: one command on a fresh machine (DESIGN §6). PostgreSQL and NATS from DATABASE_URL / NATS_URL, or an
// embedded PostgreSQL and a local nats-server; builds what changed (Nx cache), migrates, loads the demo data once,
// starts every service and the gateway with the portal, and prints where to go. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNats, ensurePostgres, log } from './local-servers.mjs';
import { layoutFromEnv, loadNatsAuth } from './nats-auth.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = Number(process.env.PORT ?? 3000);
// Each service's own HTTP port (health probes only): JCM_SERVICE_PORT_BASE + 1…4.
const PORT_BASE = Number(process.env.JCM_SERVICE_PORT_BASE ?? 3100);
const SERVICES = [
  ['partnership-service', PORT_BASE + 1],
  ['grants-service', PORT_BASE + 2],
  ['mrv-service', PORT_BASE + 3],
  ['credits-service', PORT_BASE + 4],
];
const DEMO_ACCOUNTS = ['moe', 'gec', 'yokohama', 'kitakyushu', 'bangkok', 'koror', 'company', 'tpe'];

const children = [];
const cleanups = [];
let stopping = false;

async function main() {
  const started = Date.now();
  if (process.env.JCM_NO_BUILD !== '1') build();
  const pg = await ensurePostgres(root);
  cleanups.push(pg.stop);
  // Fresh NATS passwords and signing keys on every start (DESIGN §5). A NATS_URL without our users (the shared
  // dev/CI server) gets no NATS credentials; the signed caller contexts and events hold either way.
  const auth = loadNatsAuth();
  const secrets = auth.generatePlatformSecrets();
  const ownNats = !process.env.NATS_URL;
  const nats = await ensureNats(root, (listen, storeDir) =>
    auth.natsServerConfig({ listen, storeDir, secrets, layout: layoutFromEnv(auth) }),
  );
  cleanups.push(nats.stop);
  const env = { ...process.env, DATABASE_URL: pg.url, NATS_URL: nats.url };
  const securityEnv = (principal) => {
    const { JCM_NATS_USER, JCM_NATS_PASSWORD, ...keys } = auth.processSecurityEnv(secrets, principal);
    return ownNats ? { JCM_NATS_USER, JCM_NATS_PASSWORD, ...keys } : keys;
  };
  for (const [name, port] of SERVICES) {
    const schema = name.split('-')[0];
    run(name, `dist/apps/${name}/apps/${name}/src/main.js`, {
      ...env,
      ...securityEnv(schema),
      [`${schema.toUpperCase()}_HTTP_PORT`]: String(port),
    });
  }
  run('gateway', 'dist/apps/gateway/apps/gateway/src/main.js', {
    ...env,
    ...securityEnv('gateway'),
    // Local by default: demo accounts have a published password. HOST=0.0.0.0 to expose it deliberately.
    HOST: process.env.HOST ?? '127.0.0.1',
    PORT: String(PORT),
    JCM_DEMO: process.env.JCM_DEMO ?? '1',
    PORTAL_DIST: path.join(root, 'dist/apps/portal/browser'),
  });
  await waitForHealth(`http://127.0.0.1:${PORT}/api/v1/health/ready`, 240_000);
  await waitForDemo(`http://127.0.0.1:${PORT}`, 120_000);
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`
  JCM & City-to-City Partnership Platform is running (ready in ${secs} s)

    Portal:  http://localhost:${PORT}
    API:     http://localhost:${PORT}/api/v1   (health: /api/v1/health, readiness: /api/v1/health/ready)

  Demo accounts (password: demo-password):
${DEMO_ACCOUNTS.map((a) => `    ${a}@demo.example`).join('\n')}

  Press Ctrl-C to stop.
`);
  console.log('JCM_READY');
}

function build() {
  log('building services, gateway and portal (cached after the first time)');
  const r = spawnSync(
    'npx',
    [
      'nx',
      'run-many',
      '-t',
      'build',
      '--projects=gateway,partnership-service,grants-service,mrv-service,credits-service,portal',
      '--parallel=2',
      '--output-style=stream',
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
  );
  if (r.status !== 0) {
    console.error('build failed');
    process.exit(1);
  }
}

function run(name, script, env) {
  // Own process group: Ctrl-C reaches only this script, which then stops the children in order (see shutdown).
  const child = spawn(process.execPath, [path.join(root, script)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.jcmName = name;
  const prefix = `\x1b[33m[${name}]\x1b[0m `;
  const pipe = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) out.write(prefix + line + '\n');
    });
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} stopped (${signal ?? code}); shutting down`);
      shutdown(1);
    }
  });
  children.push(child);
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Ready means a demo user can log in and see data. */
async function waitForDemo(base, timeoutMs) {
  if ((process.env.JCM_DEMO ?? '1') !== '1') return;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'moe@demo.example', password: 'demo-password' }),
      });
      if (login.ok) {
        const { accessToken } = await login.json();
        const list = await fetch(`${base}/api/v1/partnerships?limit=1`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        if (list.ok && (await list.json()).total > 0) return;
      }
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('demo data did not load');
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Ctrl-C / SIGTERM: the gateway first (it stops accepting and finishes its requests), then the services (each
 * drains its requests and consumers and lets its relay publish what is committed, within 10 s), then PostgreSQL
 * and NATS. SIGKILL only after 15 s.
 */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  const stop = (c) =>
    new Promise((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', resolve);
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 15_000).unref();
    });
  await Promise.all(children.filter((c) => c.jcmName === 'gateway').map(stop));
  await Promise.all(children.filter((c) => c.jcmName !== 'gateway').map(stop));
  for (const stop of cleanups.reverse()) await stop().catch((e) => console.error(String(e)));
  process.exit(code);
}

// Children live in their own process groups: never leave them behind if this script dies some other way.
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
main().catch((err) => {
  console.error(err);
  shutdown(1);
});
