import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@jcm/contracts';

/**
 * Login throttling and lockout (issue #13 item 3). An attempt is counted *before* the password is checked, so a
 * burst of parallel guesses cannot all slip in ahead of the counter; a successful login gives the account its
 * slate back and the address its one attempt. The counters live in PostgreSQL, so every gateway replica sees them.
 */
export interface ThrottlePolicy {
  /** Failed attempts on one account within the window that lock it. */
  accountAttempts: number;
  /** Failed attempts from one client address within the window that block it (many accounts, one address). */
  addressAttempts: number;
  windowSeconds: number;
  lockSeconds: number;
}

export const LOGIN_THROTTLE_POLICY: ThrottlePolicy = {
  accountAttempts: 10,
  addressAttempts: 50,
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
};

/** 429 with how long to wait: the controller turns `retryAfterSeconds` into the Retry-After header. */
export class LoginThrottled extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', 'Too many sign-in attempts: try again later');
  }
}

interface Counted {
  attempts: number;
  retry_after: number | null;
}

export class LoginThrottle {
  private readonly logger = new Logger('Security');
  policy: ThrottlePolicy = LOGIN_THROTTLE_POLICY;

  constructor(private readonly ds: DataSource) {}

  private attempts = 0;

  /** Counts one attempt on the account and the address; throws LoginThrottled when either is locked. */
  async attempt(email: string, address: string): Promise<void> {
    // Sprayed unknown emails leave rows behind: every 500th attempt of a replica drops those long over.
    if (++this.attempts % 500 === 0) await this.forgetStale();
    const account = await this.count(`account:${email.toLowerCase()}`, this.policy.accountAttempts);
    const from = await this.count(`address:${address}`, this.policy.addressAttempts);
    const retry = Math.max(account ?? 0, from ?? 0);
    if (retry > 0) {
      this.logger.warn(
        JSON.stringify({
          securityEvent: 'login.throttled',
          account: account !== null,
          address,
          retryAfterSeconds: retry,
        }),
      );
      throw new LoginThrottled(retry);
    }
  }

  /** Rows whose window and lock ended a day ago say nothing any more. */
  async forgetStale(): Promise<number> {
    const [, deleted] = await this.ds.query(
      `DELETE FROM identity.login_throttle
        WHERE coalesce(locked_until, window_started_at + make_interval(secs => $1)) < now() - interval '1 day'`,
      [this.policy.windowSeconds],
    );
    return Number(deleted ?? 0);
  }

  /** The password was right: the account starts afresh, and the address gets back the attempt it spent. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.ds.query(`DELETE FROM identity.login_throttle WHERE key = $1`, [
      `account:${email.toLowerCase()}`,
    ]);
    await this.ds.query(
      `UPDATE identity.login_throttle SET attempts = greatest(attempts - 1, 0) WHERE key = $1 AND locked_until IS NULL`,
      [`address:${address}`],
    );
  }

  /**
   * Atomically counts an attempt under `key` and returns the seconds to wait when it is over `max` (null: go on).
   * An expired window or lock starts a new window; reaching `max` locks the key for lockSeconds.
   */
  private async count(key: string, max: number): Promise<number | null> {
    const { windowSeconds, lockSeconds } = this.policy;
    // Never NULL (three-valued logic would skip the lock): a lock that ended, or an unlocked window that ended.
    const fresh = `(coalesce(t.locked_until < now(), false)
      OR (t.locked_until IS NULL AND t.window_started_at < now() - make_interval(secs => $3)))`;
    const [row]: Counted[] = await this.ds.query(
      `INSERT INTO identity.login_throttle AS t (key, attempts, window_started_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN ${fresh} THEN 1 ELSE t.attempts + 1 END,
         window_started_at = CASE WHEN ${fresh} THEN now() ELSE t.window_started_at END,
         locked_until = CASE WHEN coalesce(t.locked_until >= now(), false) THEN t.locked_until
                             WHEN NOT ${fresh} AND t.attempts + 1 > $2 THEN now() + make_interval(secs => $4)
                             ELSE NULL END
       RETURNING attempts, ceil(extract(epoch FROM locked_until - now()))::int AS retry_after`,
      [key, max, windowSeconds, lockSeconds],
    );
    return row.retry_after !== null && row.retry_after > 0 ? row.retry_after : null;
  }
}
