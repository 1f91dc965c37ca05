import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'crypto';

/**
 * Ed25519 keys of the platform's processes (DESIGN §5 "NATS is not a trust boundary by itself").
 *
 * Why Ed25519 and not one shared HMAC key: with a shared key every service could mint a gateway context (an MOE
 * caller) for every other service, so one compromised service would be all of them. Here only the gateway holds
 * the key that signs callers' contexts, and each service holds only the key that signs its own events; everyone
 * holds the public keys (`JCM_TRUSTED_KEYS`), which are not secrets.
 */
export interface SigningKeyPair {
  /** PKCS#8 DER, base64url: the process's `JCM_SIGNING_KEY` (secret). */
  privateKey: string;
  /** SPKI DER, base64url: one entry of `JCM_TRUSTED_KEYS`. */
  publicKey: string;
}

/** The principal whose key signs callers' request contexts. Services are named by their schema (`partnership`). */
export const GATEWAY_PRINCIPAL = 'gateway';

export function generateSigningKeyPair(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64url'),
  };
}

export function importPrivateKey(text: string): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(text, 'base64url'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('JCM_SIGNING_KEY must be an Ed25519 key');
  return key;
}

export function importPublicKey(text: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(text, 'base64url'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('JCM_TRUSTED_KEYS must hold Ed25519 keys');
  return key;
}

/** `gateway=<spki>,partnership=<spki>,…` → principal → public key. */
export function parseTrustedKeys(text: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const entry of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new Error(`JCM_TRUSTED_KEYS: "${entry.slice(0, 20)}…" is not principal=key`);
    keys.set(entry.slice(0, eq), importPublicKey(entry.slice(eq + 1)));
  }
  return keys;
}

export function formatTrustedKeys(publicKeys: Record<string, string>): string {
  return Object.entries(publicKeys)
    .map(([principal, key]) => `${principal}=${key}`)
    .join(',');
}

/**
 * JSON with sorted keys, after a JSON round trip (so `undefined`, `toJSON` and key order are settled the way the
 * wire settles them): the signer and the verifier hash the same text for the same value.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(value))));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
  return out;
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('base64url');
}
