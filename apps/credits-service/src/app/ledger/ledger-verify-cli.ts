import { DataSource } from 'typeorm';
import { LedgerVerification } from '@jcm/contracts';
import { verifyLedger } from './ledger-verifier';

/** Human-readable report of a verification, one difference per line. */
export function formatVerification(report: LedgerVerification): string[] {
  if (report.intact) {
    return [
      `credits ledger intact: ${report.entries} journal entries, ${report.totalIssued} t issued, head ${report.headHash ?? '(empty)'}`,
    ];
  }
  return [
    `credits ledger NOT intact: ${report.differences.length} difference(s) in ${report.entries} entries`,
    ...report.differences.map(
      (d) => `  [${d.check}] ${d.subject}: expected ${d.expected}, found ${d.actual}`,
    ),
  ];
}

/** The `verify-ledger` command without the process around it: prints, and returns the exit code (0 intact, 1 not). */
export async function runLedgerVerification(
  ds: DataSource,
  argv: string[],
  print: (line: string) => void,
): Promise<number> {
  const report = await verifyLedger(ds);
  if (argv.includes('--json')) print(JSON.stringify(report, null, 2));
  else formatVerification(report).forEach((line) => print(line));
  return report.intact ? 0 : 1;
}
