import { ChildProcess, spawn } from 'child_process';
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { generatePlatformSecrets, PlatformSecrets, processSecurityEnv } from '@jcm/service-kit';
import { exited, freePort, sleep } from './infra';

const ROOT = resolve(__dirname, '..', '..', '..');
export const SERVICES = ['partnership-service', 'grants-service', 'mrv-service', 'credits-service'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** One running process of the platform, started from its built entry as `npm start` runs it. */
export class PlatformProcess {
  child: ChildProcess | null = null;
  private logTail: string[] = [];

  constructor(
    readonly name: string,
    readonly script: string,
    readonly env: NodeJS.ProcessEnv,
    readonly httpPort: number,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const child = spawn(process.execPath, [join(ROOT, this.script)], {
      cwd: ROOT,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.logTail.push(...chunk.toString().split('\n').filter(Boolean));
      this.logTail = this.logTail.slice(-400);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines it logged, for a failure message. */
  tail(): string {
    return this.logTail.join('\n');
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (!this.child || !this.running) return;
    this.child.kill(signal);
    await exited(this.child);
  }

  /** Readiness of this process (its own `/health/ready`, or the gateway's aggregate). */
  async ready(path: string): Promise<boolean> {
    try {
      const res = await fetch(`http://127.0.0.1:${this.httpPort}${path}`, {
        signal: AbortSignal.timeout(3000),
      });
      return res.status === 200;
    } catch {
      return false;
    }
  }
}

/** The platform under test: `replicas` processes of every service and one gateway, on the given PostgreSQL and NATS. */
export class Platform {
  readonly services: Record<ServiceName, PlatformProcess[]> = {
    'partnership-service': [],
    'grants-service': [],
    'mrv-service': [],
    'credits-service': [],
  };
  gateway!: PlatformProcess;

  private constructor(
    private readonly baseEnv: NodeJS.ProcessEnv,
    private readonly secrets: PlatformSecrets,
  ) {}

  /** A process's environment: the platform's, plus its own signing key and everyone's public keys. */
  envOf(name: ServiceName | 'gateway'): NodeJS.ProcessEnv {
    const principal = name === 'gateway' ? 'gateway' : name.split('-')[0];
    const { JCM_SIGNING_KEY, JCM_TRUSTED_KEYS } = processSecurityEnv(this.secrets, principal);
    return { ...this.baseEnv, JCM_SIGNING_KEY, JCM_TRUSTED_KEYS };
  }

  static async start(databaseUrl: string, natsUrl: string, replicas: number): Promise<Platform> {
    for (const s of [...SERVICES, 'gateway']) {
      const entry = join(ROOT, `dist/apps/${s}/apps/${s}/src/main.js`);
      if (!existsSync(entry))
        throw new Error(`${entry} is missing: run the build first (npm test runs it before this step)`);
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      NATS_URL: natsUrl,
      JCM_RPC_PREFIX: '',
      JCM_EVENTS_PREFIX: 'evt',
      JCM_EVENTS_STREAM: 'JCM_EVENTS',
    };
    // Signing keys as npm start generates them (DESIGN §5); this suite's own nats-server runs without users, so no
    // NATS credentials, as with a given NATS_URL.
    const secrets = generatePlatformSecrets();
    const platform = new Platform(env, secrets);
    // Migrate once, so replicas do not queue on the migration lock at start.
    for (const s of SERVICES) {
      const migrate = new PlatformProcess(s, `dist/apps/${s}/apps/${s}/src/main.js`, platform.envOf(s), 0);
      await migrateOnce(migrate);
    }
    for (const s of SERVICES) for (let i = 0; i < replicas; i++) await platform.addReplica(s);
    const port = await freePort();
    platform.gateway = new PlatformProcess(
      'gateway',
      'dist/apps/gateway/apps/gateway/src/main.js',
      { ...platform.envOf('gateway'), PORT: String(port), JCM_DEMO: '1' },
      port,
    );
    platform.gateway.start();
    return platform;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.gateway.httpPort}`;
  }

  async addReplica(service: ServiceName): Promise<PlatformProcess> {
    const port = await freePort();
    const schema = service.split('-')[0];
    const proc = new PlatformProcess(
      service,
      `dist/apps/${service}/apps/${service}/src/main.js`,
      {
        ...this.envOf(service),
        JCM_SKIP_MIGRATIONS: '1',
        [`${schema.toUpperCase()}_HTTP_PORT`]: String(port),
      },
      port,
    );
    proc.start();
    this.services[service].push(proc);
    return proc;
  }

  all(): PlatformProcess[] {
    return [...Object.values(this.services).flat(), this.gateway];
  }

  /** Every process answers its readiness probe (bounded). */
  async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const checks = await Promise.all(
        this.all().map(async (p) => ({
          p,
          ok: await p.ready(p === this.gateway ? '/api/v1/health/ready' : '/health/ready'),
        })),
      );
      const down = checks.filter((c) => !c.ok).map((c) => c.p);
      if (down.length === 0) return;
      if (Date.now() > deadline) {
        throw new Error(
          `not ready: ${down.map((p) => `${p.name} (running: ${p.running})\n${p.tail()}`).join('\n---\n')}`,
        );
      }
      await sleep(250);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.all().map((p) => p.kill('SIGKILL')));
  }

  /** Lines where a process logged an error it could not classify (those answer 500): empty in a good run. */
  unexpectedErrors(): string[] {
    const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
    const clean = (l: string) => l.replace(ansi, '');
    return this.all().flatMap((p) =>
      p
        .tail()
        .split('\n')
        .map(clean)
        .filter((l) => /ERROR \[(Rpc|DomainErrorFilter)\]/.test(l))
        .map((l) => `${p.name}: ${l.slice(0, 300)}`),
    );
  }

  /** Writes each process's last log lines under `dir`, for the CI log of a failed run. */
  dumpLogs(dir: string): void {
    mkdirSync(dir, { recursive: true });
    const all = this.all();
    all.forEach((p, i) => writeFileSync(join(dir, `${i}-${p.name}.log`), p.tail()));
  }
}

async function migrateOnce(proc: PlatformProcess): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, proc.script), 'migrate'], {
    cwd: ROOT,
    env: proc.env,
    stdio: 'ignore',
  });
  await exited(child);
  if (child.exitCode !== 0) throw new Error(`${proc.name} migrate exited ${child.exitCode}`);
}
