import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import path from 'path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 3900);

export interface RunningStack {
  child: ChildProcess;
  database: string;
  stream: string;
  output: string[];
}

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Starts the platform with `npm start`'s own script on a fresh database, and waits for its ready line. */
export async function startStack(): Promise<RunningStack> {
  const id = randomBytes(4).toString('hex');
  const database = `jcm_e2e_${id}`;
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const stream = `E2E_${id}`;
  const child = spawn(process.execPath, [path.join(ROOT, 'tools/scripts/start.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      NATS_URL: process.env['TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222',
      PORT: String(E2E_PORT),
      JCM_SERVICE_PORT_BASE: String(E2E_PORT + 10),
      JCM_NO_BUILD: '1',
      JCM_EVENTS_STREAM: stream,
      JCM_EVENTS_PREFIX: `e2e${id}`,
      JCM_RPC_PREFIX: `e2erpc${id}`,
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`stack not ready in time:\n${output.slice(-40).join('')}`)),
      180_000,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (chunk.toString().includes('JCM_READY')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited (${code}) before ready:\n${output.slice(-40).join('')}`));
    });
  });
  return { child, database, stream, output };
}

/** Ctrl-C, as a user would; then the database is dropped. */
export async function stopStack(stack: RunningStack): Promise<void> {
  if (stack.child.exitCode === null) {
    const exited = new Promise((r) => stack.child.once('exit', r));
    stack.child.kill('SIGINT');
    await exited;
  }
  await admin(`DROP DATABASE IF EXISTS ${stack.database} WITH (FORCE)`);
  const { connect } = await import('nats');
  const nc = await connect({ servers: process.env['TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222' });
  await (await nc.jetstreamManager()).streams.delete(stack.stream).catch(() => undefined);
  await nc.close();
}
