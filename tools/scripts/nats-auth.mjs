// NATS credentials, subject permissions and signing keys for `npm start` and docker/ (DESIGN §5). The logic lives
// in @jcm/service-kit (libs/service-kit/src/lib/security/nats-auth.ts, tested there); this loads its build output.
//
//   node tools/scripts/nats-auth.mjs --out docker/secrets [--tls]
// writes nats.conf (for the nats container) and one <process>.env per process (gateway, partnership, …).
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILT = path.join(root, 'dist/apps/gateway/libs/service-kit/src/lib/security/nats-auth.js');

export function loadNatsAuth() {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run npx nx run gateway:build first`);
  return createRequire(import.meta.url)(BUILT);
}

/** Subject layout from the same variables the services read. */
export function layoutFromEnv(auth, env = process.env) {
  return {
    services: auth.PLATFORM_SERVICES,
    rpcPrefix: env.JCM_RPC_PREFIX ? `${env.JCM_RPC_PREFIX}.` : '',
    eventsPrefix: env.JCM_EVENTS_PREFIX ?? 'evt',
    stream: env.JCM_EVENTS_STREAM ?? 'JCM_EVENTS',
  };
}

/** Writes a file only its owner can read (passwords and private keys). */
export function writeSecret(file, text) {
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}

function cli() {
  const args = process.argv.slice(2);
  const out = args.includes('--out')
    ? path.resolve(args[args.indexOf('--out') + 1])
    : path.join(root, 'docker/secrets');
  const auth = loadNatsAuth();
  const secrets = auth.generatePlatformSecrets();
  mkdirSync(out, { recursive: true, mode: 0o700 });
  const tls = args.includes('--tls')
    ? { certFile: '/etc/nats/tls/server.crt', keyFile: '/etc/nats/tls/server.key' }
    : undefined;
  writeSecret(
    path.join(out, 'nats.conf'),
    auth.natsServerConfig({
      listen: '0.0.0.0:4222',
      httpPort: 8222,
      storeDir: '/data',
      secrets,
      layout: layoutFromEnv(auth),
      tls,
    }),
  );
  for (const principal of Object.keys(secrets.processes)) {
    const env = auth.processSecurityEnv(secrets, principal);
    writeSecret(
      path.join(out, `${principal}.env`),
      Object.entries(env)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n') + '\n',
    );
  }
  console.log(
    `wrote ${out}/nats.conf and ${Object.keys(secrets.processes)
      .map((p) => `${p}.env`)
      .join(', ')}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) cli();
