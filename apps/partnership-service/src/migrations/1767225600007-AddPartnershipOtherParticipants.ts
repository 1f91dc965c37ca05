import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participants beyond the city pair: the contractor (代表事業者), co-implementers and further cities. Each is also in
 * participant_org_ids, so RLS lets them see the partnership they work on.
 */
export class AddPartnershipOtherParticipants1767225600007 implements MigrationInterface {
  name = 'AddPartnershipOtherParticipants1767225600007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE partnership.partnership ADD COLUMN other_participants jsonb NOT NULL DEFAULT '[]'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE partnership.partnership DROP COLUMN other_participants`);
  }
}
