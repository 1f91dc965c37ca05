import { hash, verify } from '@node-rs/argon2';
import { DomainError, FieldIssue } from '@jcm/contracts';

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

export const PASSWORD_MIN_LENGTH = 12;
/** Matches LoginRequest's maximum, so every password that may be set can also be used to sign in. */
export const PASSWORD_MAX_LENGTH = 200;

/** Passwords every guessing list starts with (lower-cased, compared whole). */
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  '123456789012',
  '1234567890',
  'qwertyuiop',
  'qwerty123456',
  'iloveyou',
  'letmein',
  'welcome',
  'welcome1',
  'admin',
  'administrator',
  'changeme',
  'change-me',
  'secret',
  'jcm-dev-role-password',
  'abc123456789',
  'aaaaaaaaaaaa',
  'p@ssw0rd',
  'p@ssword123',
]);

/**
 * The password policy (issue #13 item 3), for every place a password is set: the demo seeder today, the account
 * screens later. NIST SP 800-63B §5.1.1.2: length over composition rules, and refuse known and context-specific
 * passwords (the user's own email or name). Returns the problems; empty means acceptable.
 */
export function passwordPolicyIssues(
  password: string,
  about: { email?: string; displayName?: string } = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (message: string) => issues.push({ path: 'password', message });
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) add(`Must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (chars.length > PASSWORD_MAX_LENGTH) add(`Must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (password.trim() !== password) add('Must not begin or end with spaces');
  if (new Set(chars).size < 4) add('Must use more than three different characters');
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) add('Is a commonly used password');
  const local = about.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) add('Must not contain the email address');
  const name = about.displayName?.toLowerCase().trim();
  if (name && name.length >= 3 && lower.includes(name)) add('Must not contain the user’s name');
  return issues;
}

/** Throws a 400 with the policy's findings on `password`. */
export function assertPasswordPolicy(
  password: string,
  about: { email?: string; displayName?: string } = {},
): void {
  const issues = passwordPolicyIssues(password, about);
  if (issues.length)
    throw new DomainError(
      'VALIDATION_FAILED',
      `Password refused: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    );
}

/** Checks the policy, then hashes: the one way to turn a new password into a stored hash. */
export async function hashNewPassword(
  password: string,
  about: { email?: string; displayName?: string } = {},
): Promise<string> {
  assertPasswordPolicy(password, about);
  return hashPassword(password);
}
