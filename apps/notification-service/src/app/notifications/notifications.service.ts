import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AnnualContractView,
  EventEnvelope,
  MonthlyReportView,
  NotificationKind,
  NotificationView,
  PARTNERSHIP_EVENTS,
  RequestContext,
} from '@jcm/contracts';
import {
  Clock,
  CLOCK,
  DATA_SOURCE,
  EventHandler,
  inTenantTransaction,
  MessagingRuntime,
  notFound,
  todayUtc,
} from '@jcm/service-kit';

/** Days before a 月次報告's due date (the 10th) when its contractor is reminded. */
export const REMINDER_DAYS_BEFORE = 3;

interface Notice {
  recipientOrgId: string;
  kind: NotificationKind;
  recordId: string;
  titleJa: string;
  titleEn: string;
  link: string;
}

/**
 * Notices from partnership events and from this service's own schedule of due dates. Every notice is written with
 * its reminder key (recipient + record + kind, plus the month for monthly reports), so a redelivered event or a
 * job run twice finds the key and notifies nobody again.
 */
@Injectable()
export class NotificationsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly messaging: MessagingRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const report =
      (kind: NotificationKind | null): EventHandler =>
      (e, m) =>
        this.onMonthlyReport(e, m, kind);
    const handlers: Record<string, EventHandler> = {
      [PARTNERSHIP_EVENTS.annualContract.created.type]: (e, m) => this.onContract(e, m, false),
      [PARTNERSHIP_EVENTS.annualContract.signed.type]: (e, m) => this.onContract(e, m, true),
      [PARTNERSHIP_EVENTS.monthlyReport.updated.type]: report(null),
      [PARTNERSHIP_EVENTS.monthlyReport.submitted.type]: report(null),
      [PARTNERSHIP_EVENTS.monthlyReport.returned.type]: report('MONTHLY_REPORT_RETURNED'),
      [PARTNERSHIP_EVENTS.monthlyReport.acknowledged.type]: report('MONTHLY_REPORT_ACKNOWLEDGED'),
    };
    await this.messaging.subscribe('partnership', handlers);
    // The due-date schedule: hourly is plenty for a reminder by day, and a rerun is harmless (reminder keys).
    this.timer = setInterval(
      () => void this.runDueReminders().catch((e: Error) => this.logger.error(e.message)),
      3_600_000,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async onContract(event: EventEnvelope, m: EntityManager, signed: boolean): Promise<void> {
    const c: AnnualContractView = PARTNERSHIP_EVENTS.annualContract.signed.schema.parse(event.data);
    const orgs = [c.company.orgId, c.municipality.orgId, c.partnerCity.orgId];
    await m.query(
      `INSERT INTO notification.contract VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (contract_id) DO UPDATE SET title_ja = $2, title_en = $3, participant_org_ids = $6`,
      [c.id, c.titleJa, c.titleEn, c.company.orgId, c.municipality.orgId, orgs],
    );
    await m.query(`UPDATE notification.monthly_report SET participant_org_ids = $2 WHERE contract_id = $1`, [
      c.id,
      orgs,
    ]);
    if (!signed) return;
    for (const org of [c.company.orgId, c.municipality.orgId]) {
      await this.notify(m, {
        recipientOrgId: org,
        kind: 'CONTRACT_SIGNED',
        recordId: c.id,
        titleJa: `契約が締結されました: ${c.titleJa}（貴団体が契約当事者のため）`,
        titleEn: `Contract signed: ${c.titleEn} (you are a party to it)`,
        link: `/contracts/${c.id}`,
      });
    }
  }

  private async onMonthlyReport(
    event: EventEnvelope,
    m: EntityManager,
    kind: NotificationKind | null,
  ): Promise<void> {
    const r: MonthlyReportView = PARTNERSHIP_EVENTS.monthlyReport.updated.schema.parse(event.data);
    await m.query(
      `INSERT INTO notification.monthly_report (report_id, contract_id, month, due_date, state, as_of, participant_org_ids)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce((SELECT participant_org_ids FROM notification.contract WHERE contract_id = $2), '{}'))
       ON CONFLICT (report_id) DO UPDATE SET state = EXCLUDED.state, due_date = EXCLUDED.due_date, as_of = EXCLUDED.as_of
       WHERE notification.monthly_report.as_of <= EXCLUDED.as_of`,
      [r.id, r.contractId, r.month, r.dueDate, r.state, event.occurredAt],
    );
    if (!kind) return;
    const [c] = await m.query(
      `SELECT company_org_id, title_ja, title_en FROM notification.contract WHERE contract_id = $1`,
      [r.contractId],
    );
    if (!c) return;
    const returned = kind === 'MONTHLY_REPORT_RETURNED';
    await this.notify(m, {
      recipientOrgId: c.company_org_id,
      kind,
      recordId: r.id,
      titleJa: `${r.month} の月次報告が${returned ? '差し戻されました' : '受理されました'}（${c.title_ja}・貴社が提出者のため）`,
      titleEn: `Monthly report ${r.month} ${returned ? 'returned' : 'acknowledged'} (${c.title_en}; you submitted it)`,
      link: `/monthly-reports/${r.id}`,
    });
  }

  /**
   * The due-date job: a reminder before the 10th for every open report due within {@link REMINDER_DAYS_BEFORE} days,
   * and an overdue notice after it. Returns how many notices were new (0 on a second run the same day).
   */
  async runDueReminders(): Promise<number> {
    const today = todayUtc(this.clock);
    return inTenantTransaction(this.ds, 'system', async (m) => {
      const due: {
        report_id: string;
        month: string;
        due_date: string;
        company_org_id: string;
        title_ja: string;
        title_en: string;
      }[] = await m.query(
        `SELECT r.report_id, r.month, to_char(r.due_date, 'YYYY-MM-DD') AS due_date, c.company_org_id, c.title_ja, c.title_en
             FROM notification.monthly_report r JOIN notification.contract c ON c.contract_id = r.contract_id
            WHERE r.state IN ('draft', 'returned') AND r.due_date <= $1::date + $2::int`,
        [today, REMINDER_DAYS_BEFORE],
      );
      let sent = 0;
      for (const r of due) {
        const overdue = r.due_date < today;
        sent += await this.notify(m, {
          recipientOrgId: r.company_org_id,
          kind: overdue ? 'MONTHLY_REPORT_OVERDUE' : 'MONTHLY_REPORT_DUE_SOON',
          recordId: r.report_id,
          titleJa: `${r.month} の月次報告の期限${overdue ? 'を過ぎています' : 'が近づいています'}（期限 ${r.due_date}・${r.title_ja}）`,
          titleEn: `Monthly report ${r.month} ${overdue ? 'is overdue' : 'is due soon'} (due ${r.due_date}; ${r.title_en})`,
          link: `/monthly-reports/${r.report_id}`,
        });
      }
      return sent;
    });
  }

  /** Writes a notice unless its reminder key exists; 1 if it was new. */
  private async notify(m: EntityManager, n: Notice): Promise<number> {
    const key = `${n.recipientOrgId}:${n.recordId}:${n.kind}`;
    const rows: unknown[] = await m.query(
      `INSERT INTO notification.notification
         (reminder_key, recipient_org_id, kind, record_id, title_ja, title_en, link, participant_org_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, ARRAY[$2::uuid]) ON CONFLICT (reminder_key) DO NOTHING RETURNING id`,
      [key, n.recipientOrgId, n.kind, n.recordId, n.titleJa, n.titleEn, n.link],
    );
    return rows.length;
  }

  /** The caller's organisation's notices (RLS keys them by recipient; the query asks for the caller's own). */
  list(ctx: RequestContext, unreadOnly: boolean): Promise<{ items: NotificationView[] }> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const rows: {
        id: string;
        kind: NotificationKind;
        record_id: string;
        title_ja: string;
        title_en: string;
        link: string;
        read_at: Date | null;
        created_at: Date;
      }[] = await m.query(
        `SELECT * FROM notification.notification WHERE recipient_org_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
            ORDER BY created_at DESC, id LIMIT 200`,
        [ctx.orgId, unreadOnly],
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          recordId: r.record_id,
          titleJa: r.title_ja,
          titleEn: r.title_en,
          link: r.link,
          readAt: r.read_at ? r.read_at.toISOString() : null,
          createdAt: r.created_at.toISOString(),
        })),
      };
    });
  }

  unreadCount(ctx: RequestContext): Promise<{ unread: number }> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const [r] = await m.query(
        `SELECT count(*)::int AS n FROM notification.notification WHERE recipient_org_id = $1 AND read_at IS NULL`,
        [ctx.orgId],
      );
      return { unread: r.n as number };
    });
  }

  /** Marks one of the caller's notices read; another organisation's notice is not found (RLS and the query). */
  markRead(ctx: RequestContext, id: string): Promise<{ unread: number }> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      // TypeORM answers an UPDATE with [rows, affected count].
      const [, affected]: [unknown[], number] = await m.query(
        `UPDATE notification.notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND recipient_org_id = $2 RETURNING id`,
        [id, ctx.orgId],
      );
      if (affected === 0) throw notFound('notification', id);
      const [r] = await m.query(
        `SELECT count(*)::int AS n FROM notification.notification WHERE recipient_org_id = $1 AND read_at IS NULL`,
        [ctx.orgId],
      );
      return { unread: r.n as number };
    });
  }
}
