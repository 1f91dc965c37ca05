import { spawnSync } from 'child_process';
import path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Lints `code` as if it were the file at `filePath` (no file is written), with the workspace's real config. */
function lintAs(filePath: string, code: string): string[] {
  const r = spawnSync(
    path.join(ROOT, 'node_modules/.bin/eslint'),
    ['--stdin', '--stdin-filename', filePath, '--format', 'json'],
    { cwd: ROOT, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const RULES_FILE = 'libs/rules/src/lib/boundary-fixture.ts';
const PORTAL_FILE = 'apps/portal/src/app/boundary-fixture.ts';

describe('module boundaries (lint fixtures)', () => {
  it('lets libs/rules use decimal.js', () => {
    expect(lintAs(RULES_FILE, `import Decimal from 'decimal.js';\nexport const one = new Decimal(1);\n`)).toEqual([]);
  });

  it.each([
    ["import { readFileSync } from 'fs';", 'no-restricted-imports'],
    ["import { join } from 'node:path';", 'no-restricted-imports'],
    ["import { Injectable } from '@nestjs/common';", '@nx/enforce-module-boundaries'],
    ["import { DataSource } from 'typeorm';", '@nx/enforce-module-boundaries'],
  ])('fails libs/rules importing I/O: %s', (line, rule) => {
    const messages = lintAs(RULES_FILE, `${line}\nexport const x = 1;\n`);
    expect(messages.some((m) => m.startsWith(`${rule}:`))).toBe(true);
  });

  it('fails libs/rules reading the clock or randomness', () => {
    const messages = lintAs(RULES_FILE, 'export const a = Date.now();\nexport const b = Math.random();\nexport const c = new Date();\n');
    expect(messages.filter((m) => m.startsWith('no-restricted-'))).toHaveLength(3);
  });

  it('fails the portal importing @nestjs/core', () => {
    const messages = lintAs(PORTAL_FILE, "import { NestFactory } from '@nestjs/core';\nexport const f = NestFactory;\n");
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries:'))).toBe(true);
  });
});
