import "server-only";
import type { Firestore } from "firebase-admin/firestore";
import { db } from "./firebase";

/** Long enough for a cold Firestore read, short enough for a probe's timeout. */
export const HEALTH_DEADLINE_MS = 1500;

/**
 * Whether Firestore answers a read within the deadline. The read is one
 * document that never exists (`health/probe`): the cheapest read there is
 * (billed as one), and it touches no clinic's data. Any failure, including a
 * missing configuration, is simply "no": the caller reveals nothing more.
 */
export async function firestoreAnswers(firestore?: Firestore, deadlineMs = HEALTH_DEADLINE_MS): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
  });
  try {
    const read = Promise.resolve()
      .then(() => (firestore ?? db()).doc("health/probe").get())
      .then(
        () => true,
        () => false,
      );
    return await Promise.race([read, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
