import { MigrationInterface, QueryRunner } from 'typeorm';
import { participantPolicySql } from '@jcm/service-kit';

/** 都市間連携: the city pair, visible to its participants and to MOE / the secretariat (RLS). */
export class CreatePartnership1767225600001 implements MigrationInterface {
  name = 'CreatePartnership1767225600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE partnership.partnership (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      municipality jsonb NOT NULL,
      partner_city jsonb NOT NULL,
      title_ja text NOT NULL CHECK (length(title_ja) BETWEEN 1 AND 200),
      title_en text NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
      target_fields text[] NOT NULL CHECK (cardinality(target_fields) > 0),
      target_field_other text,
      participant_org_ids uuid[] NOT NULL CHECK (cardinality(participant_org_ids) >= 2),
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX partnership_participants ON partnership.partnership USING gin (participant_org_ids)`,
    );
    await q.query(participantPolicySql('partnership', 'partnership'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE partnership.partnership`);
  }
}
