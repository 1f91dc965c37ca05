import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from '../demo/demo-data';
import { hashNewPassword, passwordPolicyIssues, verifyPassword } from './password';

const messages = (p: string, about = {}) => passwordPolicyIssues(p, about).map((i) => i.message);

describe('password policy', () => {
  it('accepts a long passphrase, and the demo password for every demo account', () => {
    expect(messages('correct horse battery staple')).toEqual([]);
    for (const o of DEMO_ORGANISATIONS) expect(messages(DEMO_PASSWORD, o.account)).toEqual([]);
  });

  it('refuses short, common, repetitive and padded passwords', () => {
    expect(messages('short')).toContain('Must be at least 12 characters');
    expect(messages('x'.repeat(201))).toContain('Must be at most 200 characters');
    expect(messages('Password123')).toContain('Is a commonly used password');
    expect(messages('abababababababab')).toContain('Must use more than three different characters');
    expect(messages(' leading space passphrase')).toContain('Must not begin or end with spaces');
  });

  it('refuses a password that contains the user’s email or name', () => {
    expect(messages('yokohama-2026-spring', { email: 'yokohama@demo.example' })).toContain(
      'Must not contain the email address',
    );
    expect(messages('i am taro yamada!', { displayName: 'Taro Yamada' })).toContain(
      'Must not contain the user’s name',
    );
  });

  it('hashes only a password that meets the policy, with the path of the field', async () => {
    await expect(hashNewPassword('short')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'password' }],
    });
    const hashed = await hashNewPassword('correct horse battery staple');
    expect(await verifyPassword(hashed, 'correct horse battery staple')).toBe(true);
  });
});
