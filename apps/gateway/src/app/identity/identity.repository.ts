import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MembershipRole, OrganisationType, OrganisationView } from '@jcm/contracts';
import { DATA_SOURCE } from '@jcm/service-kit';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  disabled: boolean;
}

export interface MembershipRecord {
  role: MembershipRole;
  organisation: OrganisationView;
}

const ORG_COLUMNS = `o.id, o.type, o.name_ja AS "nameJa", o.name_en AS "nameEn", o.country, o.prefecture, o.city`;

/** identity schema access: organisations, users and their memberships. */
@Injectable()
export class IdentityRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    const rows = await this.ds.query(
      `SELECT id, email, display_name AS "displayName", password_hash AS "passwordHash", disabled
         FROM identity.app_user WHERE email = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  async findUserById(id: string): Promise<UserRecord | null> {
    const rows = await this.ds.query(
      `SELECT id, email, display_name AS "displayName", password_hash AS "passwordHash", disabled
         FROM identity.app_user WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** A user's membership in one organisation (a user acts for one organisation per session). */
  async findMembership(userId: string, orgId?: string): Promise<MembershipRecord | null> {
    const rows: (OrganisationView & { role: MembershipRole })[] = await this.ds.query(
      `SELECT m.role, ${ORG_COLUMNS} FROM identity.membership m JOIN identity.organisation o ON o.id = m.org_id
        WHERE m.user_id = $1 AND ($2::uuid IS NULL OR m.org_id = $2) ORDER BY o.created_at LIMIT 1`,
      [userId, orgId ?? null],
    );
    if (!rows[0]) return null;
    const { role, ...org } = rows[0];
    return { role, organisation: normaliseOrg(org) };
  }

  async listOrganisations(type?: OrganisationType): Promise<OrganisationView[]> {
    const rows = await this.ds.query(
      `SELECT ${ORG_COLUMNS} FROM identity.organisation o WHERE ($1::text IS NULL OR o.type = $1) ORDER BY o.name_en`,
      [type ?? null],
    );
    return rows.map(normaliseOrg);
  }

  async findOrganisation(id: string): Promise<OrganisationView | null> {
    const rows = await this.ds.query(`SELECT ${ORG_COLUMNS} FROM identity.organisation o WHERE o.id = $1`, [
      id,
    ]);
    return rows[0] ? normaliseOrg(rows[0]) : null;
  }
}

function normaliseOrg(o: OrganisationView): OrganisationView {
  return { ...o, country: o.country.trim() };
}
