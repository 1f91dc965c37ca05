import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling shared by every gateway replica (issue #13 item 3): one row per account (lower-cased email,
 * whether or not it exists, so a lockout never tells which accounts do) and per client address.
 * No RLS: it holds no tenant data and is read before anyone is signed in.
 */
export class CreateLoginThrottle1767312000000 implements MigrationInterface {
  name = 'CreateLoginThrottle1767312000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE identity.login_throttle (
      key text PRIMARY KEY CHECK (key ~ '^(account|address):'),
      attempts integer NOT NULL CHECK (attempts >= 0),
      window_started_at timestamptz NOT NULL,
      locked_until timestamptz
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE identity.login_throttle`);
  }
}
