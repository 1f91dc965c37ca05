import { Logger } from '@nestjs/common';

/** How long in-flight requests and deliveries may take to finish on SIGTERM (issue #14 #3); orchestrators wait ~30 s. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** After this the process exits regardless, so a stuck close never keeps a replica half-alive. */
const HARD_STOP_MS = SHUTDOWN_GRACE_MS * 2;

/**
 * Runs `stop` once on SIGTERM or SIGINT, then exits. Replaces Nest's `enableShutdownHooks`, which closes the
 * transports while handlers still run; `stop` drains first and then calls `app.close()`.
 */
export function onShutdownSignal(name: string, stop: () => Promise<void>): void {
  const logger = new Logger(name);
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: draining`);
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting');
      process.exit(1);
    }, HARD_STOP_MS).unref();
    const started = Date.now();
    stop().then(
      () => {
        logger.log(`stopped cleanly in ${Date.now() - started} ms`);
        process.exit(0);
      },
      (err: unknown) => {
        logger.error(`shutdown failed: ${(err as Error)?.stack ?? String(err)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}
