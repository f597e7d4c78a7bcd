// One process-wide clock for commit and read times, in nanoseconds since the
// epoch but always a whole number of microseconds (Firestore's precision).
// Commit times strictly increase, so no two writes to a document ever share an
// update_time, even when many commits land within the same microsecond.

const US = 1000n;
// hrtime is monotonic; anchor it to the wall clock once at start-up.
const anchor = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();
let last = 0n;

function wallClockMicros(): bigint {
  const ns = anchor + process.hrtime.bigint();
  return ns - (ns % US);
}

/** A fresh, strictly increasing commit time. */
export function nextCommitTime(): bigint {
  const now = wallClockMicros();
  last = now > last ? now : last + US;
  return last;
}

/** A read time: never before any commit already applied. */
export function currentReadTime(): bigint {
  const now = wallClockMicros();
  return now > last ? now : last;
}
