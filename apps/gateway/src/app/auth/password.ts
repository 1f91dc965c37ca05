import { hash, verify } from '@node-rs/argon2';

/** Passwords are stored as argon2id hashes (prebuilt binary, no native build on install). */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}
