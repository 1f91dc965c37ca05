import { EntityManager } from 'typeorm';
import { AccountType, formatAccountNumber } from '@jcm/contracts';

interface AccountInsert {
  registry: string;
  type: AccountType;
  ownerOrgId: string;
  holderName: string;
  createdBy: string;
}

/** Opens one account (口座開設) with the next account number of the sequence, check digits included. */
export async function insertAccount(m: EntityManager, a: AccountInsert): Promise<string> {
  const [{ seq }]: { seq: string }[] = await m.query(`SELECT nextval('credits.account_number_seq') AS seq`);
  const accountNumber = formatAccountNumber(a.registry, a.type, BigInt(seq));
  const [{ id }]: { id: string }[] = await m.query(
    `INSERT INTO credits.account (account_number, registry, type, owner_org_id, holder_name, participant_org_ids, created_by)
     VALUES ($1, $2, $3, $4, $5, ARRAY[$4]::uuid[], $6) RETURNING id`,
    [accountNumber, a.registry, a.type, a.ownerOrgId, a.holderName, a.createdBy],
  );
  return id;
}
