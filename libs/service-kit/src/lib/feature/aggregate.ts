import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { EventDefinition, RequestContext } from '@jcm/contracts';
import { appendToOutbox } from '../persistence/outbox';
import { PageRequest, Source, Where } from '../persistence/source';
import { FieldRow, Fields } from '../persistence/table';
import { inTenantTransaction } from '../persistence/tenant-transaction';
import { IdempotentOperation, runIdempotent } from './idempotency';

export interface AggregateSpec<F extends Fields, V> {
  /** The service's schema (its outbox and idempotency tables live there). */
  schema: string;
  source: Source<F>;
  /** The reply and event payload of the aggregate, from its row (inside the same transaction). */
  view: (row: FieldRow<F>, m: EntityManager, ctx: RequestContext) => V | Promise<V>;
}

/** An event other than "the aggregate's new view" (e.g. `{ proposalId, contractId }` on selection). */
export interface Emit<S extends z.ZodTypeAny = z.ZodTypeAny> {
  event: EventDefinition<S>;
  data: z.input<S>;
  aggregateId?: string;
}

/** A transition's outcome: the event carrying the new view, or an explicit event, or nothing (no change). */
export type Outcome = EventDefinition<z.ZodTypeAny> | Emit | null;

/**
 * The feature pattern of a service's aggregate (README "Feature pattern"): tenant-scoped reads, and every write as
 * one tenant transaction — lock → check → write → outbox → view — optionally once per Idempotency-Key.
 */
export class Aggregate<F extends Fields, V> {
  constructor(
    private readonly ds: DataSource,
    readonly spec: AggregateSpec<F, V>,
  ) {}

  get source(): Source<F> {
    return this.spec.source;
  }

  /** The caller's record as its view; another tenant's is NOT_FOUND. */
  get(ctx: RequestContext, id: string): Promise<V> {
    return inTenantTransaction(this.ds, ctx, (m) => this.read(m, ctx, id));
  }

  /** The view inside a running transaction. */
  async read(m: EntityManager, ctx: RequestContext, id: string): Promise<V> {
    return this.spec.view(await this.source.find(m, ctx, id), m, ctx);
  }

  /** A page of views, filtered by `where`, sorted by a whitelisted key, with the total. */
  list(
    ctx: RequestContext,
    q: PageRequest,
    sortColumns: Record<string, string>,
    where?: (w: Where) => void,
  ): Promise<{ items: V[]; total: number }> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const { rows, total } = await this.source.page(m, ctx, q, sortColumns, where);
      const items: V[] = [];
      for (const r of rows) items.push(await this.spec.view(r, m, ctx));
      return { items, total };
    });
  }

  /**
   * Locks the record, lets `work` check and write, then publishes its outcome with the new view and replies with
   * that view — all in one transaction, so a refused check changes nothing and publishes nothing.
   */
  transition(
    ctx: RequestContext,
    id: string,
    work: (m: EntityManager, row: FieldRow<F>) => Promise<Outcome>,
    once?: IdempotentOperation,
  ): Promise<V> {
    return this.inTransaction(ctx, once, async (m) => {
      const outcome = await work(m, await this.source.find(m, ctx, id, { lock: true }));
      const view = await this.read(m, ctx, id);
      await this.publish(m, ctx, id, outcome, view);
      return view;
    });
  }

  /**
   * Creates a record: `work` checks and inserts it and returns its id; the created event carries the new view.
   * With an Idempotency-Key, a retry answers the first reply instead of creating a second record.
   */
  create(
    ctx: RequestContext,
    once: IdempotentOperation,
    work: (m: EntityManager) => Promise<{ id: string; outcome: Outcome }>,
  ): Promise<V> {
    return this.inTransaction(ctx, once, async (m) => {
      const { id, outcome } = await work(m);
      const view = await this.read(m, ctx, id);
      await this.publish(m, ctx, id, outcome, view);
      return view;
    });
  }

  /** A tenant transaction, run once per Idempotency-Key when `once` says what the operation is. */
  inTransaction<T>(
    ctx: RequestContext,
    once: IdempotentOperation | undefined,
    work: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    return inTenantTransaction(this.ds, ctx, (m) =>
      once ? runIdempotent(m, this.spec.schema, ctx, once, () => work(m)) : work(m),
    );
  }

  /** Writes an outcome to the outbox: a bare definition carries `view`; an Emit carries its own data. */
  async publish(m: EntityManager, ctx: RequestContext, id: string, outcome: Outcome, view: V): Promise<void> {
    if (outcome === null) return;
    if ('event' in outcome) {
      await appendToOutbox(m, this.spec.schema, outcome.event, outcome.data, ctx, {
        aggregateId: outcome.aggregateId ?? id,
      });
    } else {
      await appendToOutbox(m, this.spec.schema, outcome, view, ctx, { aggregateId: id });
    }
  }
}
