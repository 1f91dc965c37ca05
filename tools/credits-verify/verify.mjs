#!/usr/bin/env node
// 台帳検証 from tools/: `node tools/credits-verify/verify.mjs [--json]`. Builds credits-service if it has not been
// built, then runs its verifier against DATABASE_URL (exit 0 intact, 1 difference, 2 could not run).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const entry = path.join(root, 'dist/apps/credits-service/apps/credits-service/src/verify.js');
if (!existsSync(entry)) {
  const build = spawnSync('npx', ['nx', 'run', 'credits-service:build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (build.status !== 0) process.exit(2);
}
const run = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 2);
