import type { NextFunction, Request, Response } from 'express';
import { GatewayConfig } from '../config/gateway-config';

/**
 * Browser hardening for a portal that shows other organisations' names and credit balances: no sniffing, no
 * framing, a strict CSP; HSTS when the public URL is https (a downgrade would expose the bearer token); and
 * `no-store` on every API answer, so a shared or back-button cache never keeps another user's records.
 */
export function securityHeaders(config: Pick<GatewayConfig, 'publicUrl'>) {
  const hsts = config.publicUrl?.toLowerCase().startsWith('https://') ?? false;
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    );
    if (hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
