import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApplicationContent, FieldChange, ReturnApplicationCommand } from '@jcm/contracts';
import {
  defineTable,
  int,
  iso,
  isoAt,
  jsonb,
  queryRows,
  timestamptz,
  uuid,
  uuidArray,
} from '@jcm/service-kit';
import { diffContent } from './application-content';

/** 差戻し records: the comments per section, and on resubmission what changed and how long each side took. */
export const APPLICATION_RETURN = defineTable('grants.application_return', {
  id: uuid().default(),
  application_id: uuid(),
  comments: jsonb<ReturnApplicationCommand['comments']>(),
  returned_at: timestamptz(),
  submitted_at: timestamptz(),
  from_version: int(),
  resubmitted_at: timestamptz().nullable(),
  to_version: int().nullable(),
  changes: jsonb<FieldChange[]>().default(),
  participant_org_ids: uuidArray(),
});
type ReturnRow = Awaited<ReturnType<typeof APPLICATION_RETURN.insert>>;

const hours = (from: Date, to: Date | null) =>
  to === null ? null : Math.round(((to.getTime() - from.getTime()) / 36e5) * 10) / 10;

export function toReturnView(r: ReturnRow) {
  return {
    id: r.id,
    comments: r.comments,
    returnedAt: isoAt(r.returned_at),
    fromVersion: r.from_version,
    resubmittedAt: iso(r.resubmitted_at),
    toVersion: r.to_version,
    changes: r.changes,
    applicantTurnaroundHours: hours(r.returned_at, r.resubmitted_at),
    reviewTurnaroundHours: hours(r.submitted_at, r.returned_at),
  };
}
export type ReturnViewData = ReturnType<typeof toReturnView>;

@Injectable()
export class ReturnRecords {
  async open(
    m: EntityManager,
    app: { id: string; version: number; submitted_at: Date | null; participant_org_ids: string[] },
    comments: ReturnApplicationCommand['comments'],
    now: Date,
  ): Promise<ReturnViewData> {
    const row = await APPLICATION_RETURN.insert(m, {
      application_id: app.id,
      comments,
      returned_at: now,
      submitted_at: app.submitted_at ?? now,
      from_version: app.version,
      resubmitted_at: null,
      to_version: null,
      participant_org_ids: app.participant_org_ids,
    });
    return toReturnView(row);
  }

  /** Closes the open return: the diff of the returned version against the resubmitted one. */
  async close(
    m: EntityManager,
    applicationId: string,
    toVersion: number,
    content: ApplicationContent,
    now: Date,
  ): Promise<ReturnViewData> {
    const [open] = await this.all(m, applicationId, true);
    if (!open) throw new Error(`application ${applicationId} is returned without an open return record`);
    const [returned] = await queryRows(
      m,
      { content: jsonb<ApplicationContent>() },
      `SELECT content FROM grants.application_version WHERE application_id = $1 AND version = $2`,
      [applicationId, open.from_version],
    );
    const changes = diffContent(returned.content, content);
    await APPLICATION_RETURN.update(m, open.id, { resubmitted_at: now, to_version: toVersion, changes });
    return toReturnView({ ...open, resubmitted_at: now, to_version: toVersion, changes });
  }

  async all(m: EntityManager, applicationId: string, openOnly = false): Promise<ReturnRow[]> {
    return queryRows(
      m,
      APPLICATION_RETURN.columns,
      `SELECT ${APPLICATION_RETURN.selectList()} FROM grants.application_return WHERE application_id = $1 ${openOnly ? 'AND resubmitted_at IS NULL' : ''} ORDER BY returned_at`,
      [applicationId],
    );
  }
}
