import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import net from 'net';
import { tmpdir } from 'os';
import path from 'path';
import { connect } from 'nats';

export interface OwnNatsServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const NATS_SERVER_BIN = process.env['NATS_SERVER_BIN'] ?? '/usr/sbin/nats-server';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A nats-server of this test alone (never the shared one), on a random free port, with the configuration text
 * `configFor(port, storeDir)` returns (e.g. natsServerConfig's). Stopped and its store removed by `stop()`.
 */
export async function startOwnNatsServer(
  configFor: (port: number, storeDir: string) => string,
): Promise<OwnNatsServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jcm-nats-'));
  const port = await freePort();
  const conf = path.join(dir, 'nats.conf');
  writeFileSync(conf, configFor(port, path.join(dir, 'js')), { mode: 0o600 });
  const child: ChildProcess = spawn(NATS_SERVER_BIN, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (c: Buffer) => stderr.push(c.toString()));
  const url = `nats://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nats-server exited: ${stderr.join('')}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.end(), resolve(true)));
      s.once('error', () => (s.destroy(), resolve(false)));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nats-server not listening on ${port}: ${stderr.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether `connect` with these options is refused (for the no-credentials case). */
export async function connectionRefused(options: Parameters<typeof connect>[0]): Promise<string | null> {
  try {
    const nc = await connect({ ...options, reconnect: false, timeout: 3000 });
    await nc.close();
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  }
}
