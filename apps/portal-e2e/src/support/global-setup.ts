import { E2E_PORT, startStack } from './stack';

export default async function globalSetup(): Promise<void> {
  const stack = await startStack();
  (globalThis as Record<string, unknown>)['__JCM_STACK__'] = stack;
  process.env['E2E_BASE_URL'] = `http://127.0.0.1:${E2E_PORT}`;
}
