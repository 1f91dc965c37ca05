// Production dependency audit for `npm test` (issue #13 item 8). `npm audit --omit=dev` when the registry's audit
// endpoint answers: vulnerabilities at JCM_AUDIT_LEVEL (default moderate) or above fail the step, lower ones are
// reported. When the endpoint cannot be reached (offline CI, a registry mirror without the audit API) the step
// says so, does not block on that, and checks the lockfile against tools/audit/advisories.json instead, which
// still refuses the known-vulnerable versions listed there.
//   node tools/scripts/audit.mjs [--offline] [--lock path/to/package-lock.json]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const semver = createRequire(import.meta.url)('semver');
const args = process.argv.slice(2);
const lockPath = args.includes('--lock')
  ? path.resolve(args[args.indexOf('--lock') + 1])
  : path.join(root, 'package-lock.json');
const LEVELS = ['info', 'low', 'moderate', 'high', 'critical'];
const level = process.env.JCM_AUDIT_LEVEL ?? 'moderate';
const blocks = (severity) => LEVELS.indexOf(severity) >= LEVELS.indexOf(level);

function online() {
  const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
    cwd: path.dirname(lockPath),
    encoding: 'utf8',
    timeout: 120_000,
  });
  let report;
  try {
    report = JSON.parse(r.stdout || '{}');
  } catch {
    report = {};
  }
  if (!report.auditReportVersion || !report.metadata) {
    const why =
      report.message ??
      (r.stderr || r.error?.message || 'no report').split('\n').find((l) => l.trim()) ??
      'no report';
    console.log(
      `audit: the npm audit endpoint is unreachable (${why.trim()}); not blocking on that — offline check follows`,
    );
    return null;
  }
  const found = Object.values(report.vulnerabilities ?? {}).map((v) => ({
    name: v.name,
    severity: v.severity,
    range: v.range,
  }));
  const counts = report.metadata.vulnerabilities;
  console.log(
    `audit: npm audit of production dependencies: ${LEVELS.map((l) => `${counts[l] ?? 0} ${l}`).join(', ')}`,
  );
  for (const v of found)
    console.log(`  ${blocks(v.severity) ? 'REFUSED' : 'reported'} ${v.severity} ${v.name} ${v.range}`);
  return found.filter((v) => blocks(v.severity)).length;
}

/** Production packages of the lockfile (lockfile v2/v3: `dev`/`devOptional` mark the others). */
function productionPackages() {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  return Object.entries(lock.packages ?? {})
    .filter(([key, p]) => key && !p.dev && !p.devOptional && p.version && !p.link)
    .map(([key, p]) => ({
      name: p.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length),
      version: p.version,
      key,
    }));
}

function offline() {
  const { advisories } = JSON.parse(readFileSync(path.join(root, 'tools/audit/advisories.json'), 'utf8'));
  const packages = productionPackages();
  let refused = 0;
  for (const pkg of packages) {
    for (const a of advisories.filter((x) => x.package === pkg.name)) {
      if (!semver.satisfies(pkg.version, a.vulnerable, { includePrerelease: true })) continue;
      const refuse = blocks(a.severity);
      if (refuse) refused++;
      console.log(
        `  ${refuse ? 'REFUSED' : 'reported'} ${a.severity} ${pkg.name}@${pkg.version} (${pkg.key}): ${a.id} ${a.title}`,
      );
    }
  }
  console.log(
    `audit: offline check of ${packages.length} production packages against ${advisories.length} listed advisories: ${refused} refused`,
  );
  return refused;
}

const onlineRefused = args.includes('--offline') ? null : online();
const refused = onlineRefused ?? offline();
process.exit(refused > 0 ? 1 : 0);
