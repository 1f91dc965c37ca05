import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/** grants' own copy of city pairs (from partnership events), so a JCM application can cite the lead's partnership. */
export class CreatePartnershipProjection1767225600001 implements MigrationInterface {
  name = 'CreatePartnershipProjection1767225600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE grants.partnership_projection (
      partnership_id uuid PRIMARY KEY,
      title_ja text NOT NULL,
      title_en text NOT NULL,
      municipality jsonb NOT NULL,
      partner_city jsonb NOT NULL,
      participant_org_ids uuid[] NOT NULL,
      source_event_id uuid NOT NULL,
      projected_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(participantPolicySql('grants', 'partnership_projection'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE grants.partnership_projection`);
  }
}
