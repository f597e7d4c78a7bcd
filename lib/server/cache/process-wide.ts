/**
 * One value per server process, whichever bundle asks. Next.js builds route
 * handlers, server components and server actions as separate module layers,
 * each with its own copy of a module's top-level state: a cache kept in a
 * plain module variable would exist once per layer, and a server action's
 * `forget` would miss the copy the slots API reads. Kept on globalThis under a
 * registered symbol instead.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`clinic-app:${name}`);
  const registry = globalThis as unknown as Record<symbol, T | undefined>;
  return (registry[key] ??= create());
}
