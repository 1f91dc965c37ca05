import { ChildProcess, spawn, spawnSync } from 'child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { createServer, connect as tcpConnect } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

/** A port nobody listens on right now (the kernel picks it), so runs never collide with each other or the shared servers. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = tcpConnect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listening on ${port} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** `nats-server -js` on a spare port with its store in a temporary directory; stop and start it again at will. */
export class FaultNats {
  private child: ChildProcess | null = null;
  readonly storeDir = mkdtempSync(join(tmpdir(), 'jcm-fault-nats-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<FaultNats> {
    const nats = new FaultNats(await freePort());
    await nats.up();
    return nats;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    const bin = existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server';
    this.child = spawn(bin, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], {
      stdio: 'ignore',
    });
    await waitForPort(this.port, 15_000);
  }

  /** SIGKILL: the broker vanishes without saying goodbye, as a crashed host would. */
  async down(): Promise<void> {
    if (!this.child) return;
    const child = this.child;
    this.child = null;
    child.kill('SIGKILL');
    await exited(child);
  }

  async stop(): Promise<void> {
    await this.down();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

/** The PostgreSQL binaries of the machine (Debian layout), newest major version first. */
function pgBin(tool: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', tool))) return join(root, v, 'bin', tool);
  return tool;
}

/**
 * A throw-away PostgreSQL cluster (initdb + pg_ctl) on a spare port. PostgreSQL refuses to run as root, so as root
 * the cluster belongs to the `postgres` OS user.
 */
export class FaultPostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'jcm-fault-pg-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<FaultPostgres> {
    const pg = new FaultPostgres(await freePort());
    if (process.getuid?.() === 0) chownSync(pg.dir, uidOf('postgres'), gidOf('postgres'));
    pg.run(pgBin('initdb'), [
      '-D',
      join(pg.dir, 'data'),
      '-U',
      'postgres',
      '-A',
      'trust',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    await pg.up();
    const created = spawnSync(
      pgBin('psql'),
      ['-h', '127.0.0.1', '-p', String(pg.port), '-U', 'postgres', '-c', 'CREATE DATABASE jcm'],
      {
        encoding: 'utf8',
      },
    );
    if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/jcm`;
  }

  async up(): Promise<void> {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`;
    this.run(pgBin('pg_ctl'), [
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'log'),
      '-o',
      opts,
      '-w',
      'start',
    ]);
    await waitForPort(this.port, 15_000);
  }

  /** Fast shutdown: open connections are terminated (57P01), as in a failover or an operator's restart. */
  async down(): Promise<void> {
    this.run(pgBin('pg_ctl'), ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', 'stop']);
  }

  async stop(): Promise<void> {
    try {
      await this.down();
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private run(bin: string, args: string[]): void {
    const asPostgres = process.getuid?.() === 0;
    const r = asPostgres
      ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' })
      : spawnSync(bin, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
  }
}

function uidOf(user: string): number {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}

function gidOf(user: string): number {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}
