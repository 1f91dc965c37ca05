// `npm run bench`: every benchmark in tools/bench beside raw PostgreSQL and NATS baselines measured in the same run,
// one line per measure, and the same as JSON in tmp/bench/results.json. Not part of `npm test`.
// PostgreSQL and NATS as for the tests (TEST_DATABASE_URL / TEST_NATS_URL, or started here when they do not answer).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testServers } from '../scripts/test-servers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = path.join(root, 'tmp', 'bench', 'results.json');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', TZ: 'UTC', FORCE_COLOR: '0' };
const started = Date.now();
let interrupted = false;

const servers = await testServers(env);
Object.assign(env, servers.env);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (interrupted = true));

function run(what, cmd, args) {
  if (interrupted) return false;
  console.log(`\n=== bench: ${what}`);
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  interrupted ||= r.signal === 'SIGINT' || r.signal === 'SIGTERM' || r.status === 130;
  return r.status === 0;
}

// The read benchmarks run the platform as npm start does, from dist/ (Nx cache: a no-op when nothing changed).
const projects = 'gateway,partnership-service,grants-service,mrv-service,credits-service,portal';
const built =
  process.env.BENCH_NO_BUILD === '1' ||
  run('build', 'npx', [
    'nx',
    'run-many',
    '-t',
    'build',
    `--projects=${projects}`,
    '--parallel=2',
    '--output-style=static',
  ]);
rmSync(results, { force: true });
const ran =
  built &&
  run('benchmarks', 'npx', ['jest', '-c', 'tools/bench/jest.bench.config.js', '--ci', '--runInBand']);
await servers.stop();

console.log('');
if (existsSync(results)) {
  const { measures, errors } = JSON.parse(readFileSync(results, 'utf8'));
  for (const m of measures) console.log(m.line);
  for (const e of errors) console.log(`FAILED ${e.split('\n')[0]}`);
  console.log(
    `\n${measures.length} measures in ${((Date.now() - started) / 1000).toFixed(0)} s; JSON: ${path.relative(root, results)}`,
  );
} else console.log(interrupted ? 'interrupted' : built ? 'no results were written' : 'build failed');
process.exit(interrupted ? 130 : ran ? 0 : 1);
