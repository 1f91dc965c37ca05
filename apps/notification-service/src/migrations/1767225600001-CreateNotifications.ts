import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/**
 * In-app notices, one per recipient organisation and reason: `reminder_key` (recipient + record + kind) is unique,
 * so an event delivered twice or a reminder job run twice never notifies twice. The contract and monthly-report
 * tables are this service's own projections (whom to tell, and when work falls due).
 */
export class CreateNotifications1767225600001 implements MigrationInterface {
  name = 'CreateNotifications1767225600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification.notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reminder_key text NOT NULL UNIQUE,
      recipient_org_id uuid NOT NULL,
      kind text NOT NULL,
      record_id text NOT NULL,
      title_ja text NOT NULL,
      title_en text NOT NULL,
      link text NOT NULL,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      participant_org_ids uuid[] NOT NULL
    )`);
    await q.query(
      `CREATE INDEX notification_recipient ON notification.notification (recipient_org_id, created_at DESC)`,
    );
    await q.query(`CREATE TABLE notification.contract (
      contract_id uuid PRIMARY KEY,
      title_ja text NOT NULL,
      title_en text NOT NULL,
      company_org_id uuid NOT NULL,
      municipality_org_id uuid NOT NULL,
      participant_org_ids uuid[] NOT NULL
    )`);
    await q.query(`CREATE TABLE notification.monthly_report (
      report_id uuid PRIMARY KEY,
      contract_id uuid NOT NULL,
      month text NOT NULL,
      due_date date NOT NULL,
      state text NOT NULL,
      as_of timestamptz NOT NULL,
      participant_org_ids uuid[] NOT NULL DEFAULT '{}'
    )`);
    for (const t of ['notification', 'contract', 'monthly_report'])
      await q.query(participantPolicySql('notification', t));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['monthly_report', 'contract', 'notification'])
      await q.query(`DROP TABLE notification.${t}`);
  }
}
