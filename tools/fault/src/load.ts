import { randomUUID } from 'crypto';
import { sleep } from './infra';

export interface Reply {
  status: number;
  body: unknown;
  retryAfter: string | null;
  ms: number;
}

/** One HTTP call; a refused or reset connection is status 0 (the client could not tell whether it committed). */
export async function call(url: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Reply> {
  const started = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? 10_000) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, retryAfter: res.headers.get('retry-after'), ms: Date.now() - started };
  } catch {
    return { status: 0, body: null, retryAfter: null, ms: Date.now() - started };
  }
}

export function jsonPost(token: string, body: unknown, key?: string): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  };
}

/** Worth retrying with the same Idempotency-Key: an outage (503), a deadline (504) or a lost connection. */
const RETRYABLE = new Set([0, 503, 504]);

/** What one experiment's load saw: the figures printed per experiment (issue #14 "Done when"). */
export interface LoadFigures {
  /** Logical operations attempted (one Idempotency-Key each). */
  requests: number;
  /** HTTP attempts including retries. */
  attempts: number;
  succeeded: number;
  /** Operations that never succeeded within their retry budget (or, without retries, any non-2xx answer). */
  failures: number;
  /** Answers by status, e.g. `{ 201: 480, 503: 12 }`. */
  statuses: Record<number, number>;
  /** Ids the service returned for successful operations, in order. */
  ids: string[];
  /** Epoch ms of every successful answer, to measure recovery. */
  successTimes: number[];
  /** Slowest answer with status 503, ms (fail fast: far under the 5 s RPC deadline). */
  slowest503Ms: number;
}

export interface LoadOptions {
  workers: number;
  /** Builds the request of operation n (its Idempotency-Key is fixed across retries). */
  request: (n: number, key: string) => { url: string; init: RequestInit };
  /** Retry retryable answers with the same key until this long after the operation started (0: never retry). */
  retryForMs: number;
  /** Pause between operations of one worker, so a 2-core machine keeps up. */
  pauseMs?: number;
}

/** Runs operations from `workers` concurrent clients until `stop()`; every loop is bounded by the caller's stop. */
export function startLoad(opts: LoadOptions): { stop: () => Promise<LoadFigures> } {
  const figures: LoadFigures = {
    requests: 0,
    attempts: 0,
    succeeded: 0,
    failures: 0,
    statuses: {},
    ids: [],
    successTimes: [],
    slowest503Ms: 0,
  };
  let running = true;
  let n = 0;
  const worker = async () => {
    while (running) {
      const op = n++;
      const key = randomUUID();
      figures.requests++;
      const started = Date.now();
      for (let attempt = 0; ; attempt++) {
        const { url, init } = opts.request(op, key);
        const reply = await call(url, init);
        figures.attempts++;
        figures.statuses[reply.status] = (figures.statuses[reply.status] ?? 0) + 1;
        if (reply.status === 503) figures.slowest503Ms = Math.max(figures.slowest503Ms, reply.ms);
        if (reply.status >= 200 && reply.status < 300) {
          figures.succeeded++;
          figures.successTimes.push(Date.now());
          const id = (reply.body as { id?: unknown } | null)?.id;
          if (typeof id === 'string') figures.ids.push(id);
          break;
        }
        if (!RETRYABLE.has(reply.status) || Date.now() - started > opts.retryForMs) {
          figures.failures++;
          break;
        }
        await sleep(Math.min(1000, 100 * 2 ** Math.min(attempt, 4)));
      }
      if (opts.pauseMs) await sleep(opts.pauseMs);
    }
  };
  const workers = Array.from({ length: opts.workers }, () => worker());
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return figures;
    },
  };
}

/** Seconds from `since` to the first success after it (null: none). */
export function recoverySeconds(figures: LoadFigures, since: number): number | null {
  const first = figures.successTimes.find((t) => t >= since);
  return first === undefined ? null : Math.round((first - since) / 100) / 10;
}
