import { randomUUID, sign, verify, KeyObject } from 'crypto';
import { Logger } from '@nestjs/common';
import { DomainError, RequestContext } from '@jcm/contracts';
import { canonicalJson, GATEWAY_PRINCIPAL, sha256 } from './signing-keys';

/** How long a signed context is good for: long enough for a request's queueing, short enough to bound replay. */
export const CONTEXT_TTL_MS = 30_000;
/** Clock difference tolerated between the gateway and a service. */
const CLOCK_SKEW_MS = 5_000;

/** What the gateway signs for one request: the caller, the subject, a digest of the data, expiry and a nonce. */
interface ContextClaims {
  iss: string;
  sub: string;
  ctx: RequestContext;
  /** sha256 of the canonical data: a captured context cannot carry another command. */
  dh: string;
  iat: number;
  exp: number;
  jti: string;
}

const securityLog = new Logger('Security');

/** A refused request is a security event: logged as one JSON line a SIEM can match on. */
export function logSecurityEvent(event: string, details: Record<string, unknown>): void {
  securityLog.warn(JSON.stringify({ securityEvent: event, ...details }));
}

/** The gateway's side: `sign(subject, ctx, data)` → the `auth` token sent beside `{ ctx, data }`. */
export class ContextSigner {
  constructor(
    private readonly privateKey: KeyObject,
    private readonly clock: () => number = Date.now,
    private readonly issuer = GATEWAY_PRINCIPAL,
  ) {}

  sign(subject: string, ctx: RequestContext, data: unknown): string {
    const now = this.clock();
    const claims: ContextClaims = {
      iss: this.issuer,
      sub: subject,
      ctx,
      dh: sha256(canonicalJson(data)),
      iat: now,
      exp: now + CONTEXT_TTL_MS,
      jti: randomUUID(),
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${sign(null, Buffer.from(payload), this.privateKey).toString('base64url')}`;
  }
}

export interface ContextVerifierOptions {
  /** The gateway's public key; null when the process was started without JCM_TRUSTED_KEYS (refuses everything). */
  gatewayKey: KeyObject | null;
  clock?: () => number;
  /** Nonces remembered at once; at 30 s each this bounds the requests per 30 s a process accepts. */
  nonceCapacity?: number;
}

/**
 * The service's side, run by `handleRpc` before any handler: refuses an unsigned, expired, replayed or forged
 * context. Nonces are remembered in memory per process until they expire, so a replay reaches at most one more
 * replica within the 30 s window (each replica has its own cache); the digest binds it to the same command, which
 * the Idempotency-Key and the service's own rules then treat as the repeat it is.
 */
export class ContextVerifier {
  private readonly seen = new Map<string, number>();
  private readonly clock: () => number;
  private readonly capacity: number;

  constructor(private readonly opts: ContextVerifierOptions) {
    this.clock = opts.clock ?? Date.now;
    this.capacity = opts.nonceCapacity ?? 100_000;
  }

  /** Returns the signed context, or throws UNAUTHENTICATED / FORBIDDEN after logging why. */
  verify(token: string | undefined, subject: string, ctx: unknown, data: unknown): RequestContext {
    const refuse = (code: 'UNAUTHENTICATED' | 'FORBIDDEN', reason: string): never => {
      const c = (ctx ?? {}) as Partial<RequestContext>;
      logSecurityEvent('rpc.refused', {
        reason,
        subject,
        orgId: c.orgId,
        orgType: c.orgType,
        correlationId: c.correlationId,
      });
      throw new DomainError(
        code,
        code === 'FORBIDDEN' ? 'The caller context was refused' : 'The caller context is not signed',
      );
    };
    if (!this.opts.gatewayKey) return refuse('UNAUTHENTICATED', 'no trusted gateway key configured');
    if (!token) return refuse('UNAUTHENTICATED', 'unsigned context');
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return refuse('UNAUTHENTICATED', 'malformed token');
    if (!verify(null, Buffer.from(payload), this.opts.gatewayKey, Buffer.from(signature, 'base64url'))) {
      return refuse('FORBIDDEN', 'bad signature');
    }
    let claims: ContextClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as ContextClaims;
    } catch {
      return refuse('FORBIDDEN', 'signed payload is not JSON');
    }
    const now = this.clock();
    if (claims.iss !== GATEWAY_PRINCIPAL) return refuse('FORBIDDEN', `issuer ${claims.iss}`);
    if (claims.exp < now) return refuse('UNAUTHENTICATED', 'expired context');
    if (claims.iat > now + CLOCK_SKEW_MS || claims.exp - claims.iat > CONTEXT_TTL_MS)
      return refuse('FORBIDDEN', 'bad lifetime');
    if (claims.sub !== subject) return refuse('FORBIDDEN', `signed for ${claims.sub}`);
    if (canonicalJson(claims.ctx) !== canonicalJson(ctx))
      return refuse('FORBIDDEN', 'context differs from the signed one');
    if (claims.dh !== sha256(canonicalJson(data)))
      return refuse('FORBIDDEN', 'data differs from the signed data');
    if (!this.remember(claims.jti, claims.exp, now)) return refuse('FORBIDDEN', 'replayed context');
    return claims.ctx;
  }

  /** false when the nonce was seen (replay) or the cache is full of live nonces (fail closed). */
  private remember(jti: string, exp: number, now: number): boolean {
    // Insertion order is nearly expiry order (every context lives 30 s): drop expired nonces from the front.
    for (const [id, until] of this.seen) {
      if (until >= now) break;
      this.seen.delete(id);
    }
    if (this.seen.has(jti)) return false;
    if (this.seen.size >= this.capacity) return false;
    this.seen.set(jti, exp + CLOCK_SKEW_MS);
    return true;
  }
}
