import "server-only";

/**
 * The app's "now": what holds, deadlines, free slots, history and "today" are
 * measured from. In production it is the system clock.
 *
 * Against the local emulators only, APP_CLOCK_OFFSET_MS moves it by a fixed
 * amount (it still ticks), so the end-to-end suite can run the whole app at a
 * time it chooses (just after midnight, an hour before closing, a Saturday)
 * instead of whatever hour the machine happens to run it. Every process of the
 * stack (Next.js, the Functions emulator, the test runner) reads the same
 * value. Tokens, cookies and Stripe signatures keep the system clock: they are
 * checked by libraries against other services' real time.
 */
export function appNow(): Date {
  return new Date(Date.now() + clockOffsetMs());
}

/** The offset in force: 0 unless the process talks to the local Firestore and APP_CLOCK_OFFSET_MS is set. */
export function clockOffsetMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.APP_CLOCK_OFFSET_MS;
  if (!raw || !env.FIRESTORE_EMULATOR_HOST) return 0;
  const offset = Number(raw);
  if (!Number.isSafeInteger(offset)) throw new Error(`APP_CLOCK_OFFSET_MS must be a whole number of milliseconds, not "${raw}"`);
  return offset;
}
