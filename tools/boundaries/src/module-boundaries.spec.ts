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
const CONTRACTS_FILE = 'libs/contracts/src/lib/boundary-fixture.ts';
const TESTING_IMPORT =
  "import { createTestDatabase } from '@jcm/testing';\nexport const f = createTestDatabase;\n";

describe('module boundaries (lint fixtures)', () => {
  // The boundary rule reads Nx's cached project graph and silently skips itself without one (a fresh clone).
  beforeAll(() => {
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/nx'), ['show', 'projects'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    if (r.status !== 0) throw new Error(`nx could not build the project graph:\n${r.stderr}`);
  });

  it('lets libs/rules use decimal.js', () => {
    expect(
      lintAs(RULES_FILE, `import Decimal from 'decimal.js';\nexport const one = new Decimal(1);\n`),
    ).toEqual([]);
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
    const messages = lintAs(
      RULES_FILE,
      'export const a = Date.now();\nexport const b = Math.random();\nexport const c = new Date();\n',
    );
    expect(messages.filter((m) => m.startsWith('no-restricted-'))).toHaveLength(3);
  });

  it('fails the portal importing @nestjs/core', () => {
    const messages = lintAs(
      PORTAL_FILE,
      "import { NestFactory } from '@nestjs/core';\nexport const f = NestFactory;\n",
    );
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries:'))).toBe(true);
  });

  it.each([
    'apps/credits-service/src/app/transfer/boundary-fixture.ts',
    'apps/gateway/src/main-fixture.ts',
    'libs/service-kit/src/lib/boundary-fixture.ts',
    CONTRACTS_FILE,
  ])('fails production code importing @jcm/testing: %s', (file) => {
    expect(lintAs(file, TESTING_IMPORT).some((m) => m.startsWith('no-restricted-imports:'))).toBe(true);
  });

  it.each([
    'apps/credits-service/src/app/transfer/boundary-fixture.spec.ts',
    'apps/credits-service/src/app/transfer/boundary-fixture.int-spec.ts',
    'apps/credits-service/src/testing/boundary-fixture.ts',
    'apps/gateway/src/app/testing/boundary-fixture.ts',
    'apps/portal-e2e/src/specs/boundary-fixture.e2e-spec.ts',
  ])('lets tests and test helpers import @jcm/testing: %s', (file) => {
    expect(lintAs(file, TESTING_IMPORT)).toEqual([]);
  });

  it.each([
    ["import { readFileSync } from 'fs';", true],
    ["import { randomUUID } from 'node:crypto';", true],
    ["import { join } from 'path';", true],
    ["import { z } from 'zod';", false],
  ])('libs/contracts importing %s fails lint: %s', (line, fails) => {
    const messages = lintAs(CONTRACTS_FILE, `${line}\nexport const x = 1;\n`);
    expect(messages.some((m) => m.startsWith('no-restricted-imports:'))).toBe(fails);
  });
});
