// `npm test`: lint, type-check, unit, build, integration (real PostgreSQL + NATS) and portal e2e (real Chromium).
// Prints one closing line `N passed, N failed` over every jest run; fails on any failure or when no test ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = path.join(root, 'tmp', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', TZ: 'UTC', FORCE_COLOR: '0' };
const only = process.argv.slice(2); // e.g. `npm test -- unit int`

let passed = 0;
let failed = 0;
const problems = [];

function step(name, cmd, args) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (r.status !== 0) problems.push(name);
}

function jestStep(name, config, extra = []) {
  const out = path.join(results, `${name}.json`);
  step(name, 'npx', ['jest', '-c', config, '--ci', '--json', `--outputFile=${out}`, ...extra]);
  if (!existsSync(out)) return;
  const json = JSON.parse(readFileSync(out, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests + json.numRuntimeErrorTestSuites;
  console.log(`=== ${name}: ${json.numPassedTests} passed, ${json.numFailedTests} failed, ${json.numPendingTests} skipped`);
}

step('lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--parallel=2', '--output-style=static']);
step('typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--parallel=2', '--output-style=static']);
jestStep('unit', 'jest.config.js', ['--maxWorkers=2']);
step('build', 'npx', ['nx', 'run-many', '-t', 'build', '--parallel=2', '--output-style=static']);
jestStep('int', 'jest.int.config.js', ['--runInBand']);
jestStep('fault', 'tools/fault/jest.fault.config.js', ['--runInBand']);
jestStep('e2e', 'apps/portal-e2e/jest.config.js', ['--runInBand']);

console.log('');
if (problems.length) console.log(`failed steps: ${problems.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(problems.length || failed > 0 || passed === 0 ? 1 : 0);
