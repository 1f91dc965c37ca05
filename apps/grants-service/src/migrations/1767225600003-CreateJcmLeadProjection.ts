import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/** grants' copy of the JCM leads (案件発掘) found through city partnerships, so an application can cite its lead. */
export class CreateJcmLeadProjection1767225600003 implements MigrationInterface {
  name = 'CreateJcmLeadProjection1767225600003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE grants.jcm_lead_projection (
      lead_id uuid PRIMARY KEY,
      partnership_id uuid NOT NULL,
      title_ja text NOT NULL,
      title_en text NOT NULL,
      status text NOT NULL,
      lead_updated_at timestamptz NOT NULL,
      participant_org_ids uuid[] NOT NULL,
      source_event_id uuid NOT NULL
    )`);
    await q.query(participantPolicySql('grants', 'jcm_lead_projection'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE grants.jcm_lead_projection`);
  }
}
