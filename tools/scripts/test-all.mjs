// `npm test`: lint, type-check, unit, build, integration (real PostgreSQL + NATS) and portal e2e (real Chromium).
// Prints one closing line `N passed, N failed` over every jest run; fails on any failure or when no test ran.
// PostgreSQL and NATS: TEST_DATABASE_URL / TEST_NATS_URL (default 127.0.0.1:5432 / :4222), or, where they do not
// answer, an embedded PostgreSQL and a local nats-server started for this run (test-servers.mjs) and stopped after.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from './find-browser.mjs';
import { testServers } from './test-servers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = path.join(root, 'tmp', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', TZ: 'UTC', FORCE_COLOR: '0' };
const only = process.argv.slice(2); // e.g. `npm test -- unit int`
const wants = (name) => !only.length || only.includes(name);

let passed = 0;
let failed = 0;
const problems = [];
let interrupted = false; // Ctrl-C reaches the running step too; no step runs after it

/** `before` (optional) prepares the step; a string it returns is why the step cannot run (the step fails). */
function step(name, cmd, args, before = () => null) {
  if (!wants(name) || interrupted) return;
  const cannot = before();
  if (cannot) {
    console.log(`\n=== ${name}: FAILED, cannot run\n${cannot}`);
    problems.push(name);
    return;
  }
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  interrupted ||= r.signal === 'SIGINT' || r.signal === 'SIGTERM' || r.status === 130;
  console.log(
    `=== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (r.status !== 0) problems.push(name);
}

function jestStep(name, config, extra = [], before = undefined) {
  const out = path.join(results, `${name}.json`);
  step(name, 'npx', ['jest', '-c', config, '--ci', '--json', `--outputFile=${out}`, ...extra], before);
  if (!existsSync(out)) return;
  const json = JSON.parse(readFileSync(out, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests + json.numRuntimeErrorTestSuites;
  console.log(
    `=== ${name}: ${json.numPassedTests} passed, ${json.numFailedTests} failed, ${json.numPendingTests} skipped`,
  );
}

/** The e2e suite drives a real Chrome/Chromium: CHROME_PATH, /usr/bin/chromium, or one on PATH. */
function useBrowser() {
  const browser = findBrowser(env);
  if (browser.path) env.CHROME_PATH = env.CHROMIUM_PATH = browser.path;
  return browser.problem;
}

// Servers only for the steps that talk to them; stopped on every way out (end, failure, Ctrl-C).
const servers = wants('int') || wants('e2e') ? await testServers(env) : { env: {}, stop: async () => {} };
Object.assign(env, servers.env);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (interrupted = true));

step('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']); // STYLE.md: Prettier is the formatter
step('lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--parallel=2', '--output-style=static']);
step('typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--parallel=2', '--output-style=static']);
jestStep('unit', 'jest.config.js', ['--maxWorkers=2']);
step('build', 'npx', ['nx', 'run-many', '-t', 'build', '--parallel=2', '--output-style=static']);
jestStep('int', 'jest.int.config.js', ['--runInBand']);
jestStep('fault', 'tools/fault/jest.fault.config.js', ['--runInBand']); // own nats-server + PostgreSQL cluster
jestStep('e2e', 'apps/portal-e2e/jest.config.js', ['--runInBand'], useBrowser);
await servers.stop();
step('audit', process.execPath, ['tools/scripts/audit.mjs']); // npm audit --omit=dev, offline list when unreachable

console.log('');
if (interrupted) console.log('interrupted');
if (problems.length) console.log(`failed steps: ${problems.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(interrupted ? 130 : problems.length || failed > 0 || passed === 0 ? 1 : 0);
