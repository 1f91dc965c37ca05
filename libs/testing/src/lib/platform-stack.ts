import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import path from 'path';
import { createTestDatabase, TestDatabase } from './test-database';
import { deleteTestStream, TEST_NATS_URL } from './test-services';

const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface PlatformStack {
  /** `http://127.0.0.1:<port>`: the gateway, the API under /api/v1 and the portal. */
  baseUrl: string;
  db: TestDatabase;
  stream: string;
  child: ChildProcess;
  output: string[];
}

/**
 * The whole platform as `npm start` runs it (its own script, separate processes, built code from dist/) on a fresh
 * database and its own JetStream stream and subject prefixes, with the demo data; resolves once it is ready.
 */
export async function startPlatform(port: number, env: Record<string, string> = {}): Promise<PlatformStack> {
  const id = randomBytes(4).toString('hex');
  const db = await createTestDatabase();
  const stream = `STACK_${id}`;
  const child = spawn(process.execPath, [path.join(WORKSPACE_ROOT, 'tools/scripts/start.mjs')], {
    cwd: WORKSPACE_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      NATS_URL: TEST_NATS_URL,
      PORT: String(port),
      JCM_SERVICE_PORT_BASE: String(port + 10),
      JCM_NO_BUILD: '1',
      JCM_EVENTS_STREAM: stream,
      JCM_EVENTS_PREFIX: `stk${id}`,
      JCM_RPC_PREFIX: `stkrpc${id}`,
      NODE_ENV: 'test',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`platform not ready in time:\n${output.slice(-40).join('')}`)),
        240_000,
      );
      const onData = (chunk: Buffer) => {
        output.push(chunk.toString());
        if (output.length > 500) output.shift();
        if (chunk.toString().includes('JCM_READY')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`platform exited (${code}) before ready:\n${output.slice(-40).join('')}`));
      });
    });
  } catch (err) {
    await stopPlatform({ baseUrl: '', db, stream, child, output });
    throw err;
  }
  return { baseUrl: `http://127.0.0.1:${port}`, db, stream, child, output };
}

/** Ctrl-C, as a user would; then its database and stream are removed. */
export async function stopPlatform(stack: PlatformStack): Promise<void> {
  if (stack.child.exitCode === null && stack.child.signalCode === null) {
    const exited = new Promise((r) => stack.child.once('exit', r));
    stack.child.kill('SIGINT');
    await exited;
  }
  await stack.db.drop();
  await deleteTestStream(stack.stream);
}
