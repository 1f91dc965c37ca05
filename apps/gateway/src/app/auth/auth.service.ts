import { randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { DomainError, MeResponse, RequestContext } from '@jcm/contracts';
import { DATA_SOURCE } from '@jcm/service-kit';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway-config';
import { IdentityRepository } from '../identity/identity.repository';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password';

interface TokenClaims {
  sub: string;
  org: string;
}

/** What a verified token must carry: ids that are UUIDs (else a 401, not a database error) and an expiry. */
const VerifiedClaims = z.object({ sub: z.uuid(), org: z.uuid(), exp: z.number().int().positive() });

/** Login and token verification. A token names the user and the organisation they act for. */
@Injectable()
export class AuthService {
  // A real hash to compare against when the email is unknown, so both failures take the same time.
  private readonly dummyHash =
    '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$ZbXrMAGdJg7Gc4hD8k0kQ9m0oKpT3V2m9x5u2Qh2o0w';

  /** Counts attempts per account and client address in the identity schema, shared by every replica. */
  readonly throttle: LoginThrottle;

  constructor(
    private readonly identity: IdentityRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(DATA_SOURCE) ds: DataSource,
  ) {
    this.throttle = new LoginThrottle(ds);
  }

  /**
   * Known and unknown emails take the same path (a hash is always verified, the throttle counts both alike), so
   * neither the answer nor its timing nor a lockout tells whether an account exists.
   */
  async login(email: string, password: string, clientAddress = 'unknown'): Promise<{ accessToken: string }> {
    await this.throttle.attempt(email, clientAddress);
    const user = await this.identity.findUserByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? this.dummyHash, password);
    if (!user || !ok || user.disabled)
      throw new DomainError('UNAUTHENTICATED', 'Email or password is incorrect');
    await this.throttle.succeeded(email, clientAddress);
    const membership = await this.identity.findMembership(user.id);
    if (!membership) throw new DomainError('FORBIDDEN', 'This account belongs to no organisation');
    const claims: TokenClaims = { sub: user.id, org: membership.organisation.id };
    const accessToken = jwt.sign(claims, this.config.jwtSecret, {
      algorithm: 'HS256',
      expiresIn: this.config.jwtTtlSeconds,
    });
    return { accessToken };
  }

  /** Verifies the bearer token and reloads the membership, so a revoked membership ends access at once. */
  async authenticate(
    bearer: string | undefined,
    correlationId?: string,
  ): Promise<{ ctx: RequestContext; me: MeResponse }> {
    if (!bearer?.startsWith('Bearer ')) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    let verified: unknown;
    try {
      verified = jwt.verify(bearer.slice(7), this.config.jwtSecret, { algorithms: ['HS256'] });
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Your session has expired: sign in again');
    }
    // A token without `exp` would never expire; one with a malformed id was never issued by login.
    const parsed = VerifiedClaims.safeParse(verified);
    if (!parsed.success) throw new DomainError('UNAUTHENTICATED', 'Your session is no longer valid');
    const claims = parsed.data;
    const user = await this.identity.findUserById(claims.sub);
    const membership =
      user && !user.disabled ? await this.identity.findMembership(user.id, claims.org) : null;
    if (!user || !membership) throw new DomainError('UNAUTHENTICATED', 'Your session is no longer valid');
    const org = membership.organisation;
    return {
      ctx: {
        userId: user.id,
        orgId: org.id,
        orgType: org.type,
        role: membership.role,
        correlationId: correlationId ?? randomUUID(),
      },
      me: {
        user: { id: user.id, email: user.email, displayName: user.displayName },
        organisation: org,
        role: membership.role,
      },
    };
  }
}
