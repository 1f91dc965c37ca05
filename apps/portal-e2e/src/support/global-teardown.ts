import { RunningStack, stopStack } from './stack';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>)['__JCM_STACK__'] as RunningStack | undefined;
  if (stack) await stopStack(stack);
}
