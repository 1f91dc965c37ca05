import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadServiceConfig } from '@jcm/service-kit';
import { runLedgerVerification } from './app/ledger/ledger-verify-cli';

/**
 * `verify-ledger` (tools/credits-verify/README.md): recomputes the credits journal's hash chain and every balance,
 * compares them with the blocks, prints the result, and exits 1 on any difference (2 if it could not run).
 * Connects as the service's own role with DATABASE_URL / JCM_DB_ROLE_PASSWORD, like the service. `--json` prints
 * the machine-readable report.
 */
async function main(argv: string[]): Promise<number> {
  const config = loadServiceConfig('credits');
  const ds = await new DataSource({
    type: 'postgres',
    url: config.serviceDatabaseUrl,
    schema: 'credits',
    logging: false,
  }).initialize();
  try {
    return await runLedgerVerification(ds, argv, (line) => console.log(line));
  } finally {
    await ds.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(2);
  },
);
