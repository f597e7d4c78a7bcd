"use server";

import { revalidatePath } from "next/cache";
import { isAppError } from "@/lib/domain/errors";
import { getCaller } from "@/lib/server/auth/caller";
import { formAction, type ActionResult } from "@/lib/server/form-action";
import { saveVisitNotes, setVisitOutcome } from "@/lib/server/visits/staff-visits";

// Each action: who is calling, then one verb, which parses its input with
// zod and checks the caller and clinic inside its transaction.

export type SaveNotesResult =
  | { ok: true; notesVersion: number; savedAt: number }
  /**
   * "conflict": someone saved since this editor loaded (the text stays, no retry);
   * "rejected": the input or the caller can't be saved (no retry);
   * "failed": anything else, worth retrying.
   */
  | { ok: false; kind: "conflict" | "rejected" | "failed"; message: string; currentVersion?: number };

export async function saveVisitNotesAction(input: { id: string; notes: string; expectedVersion: number }): Promise<SaveNotesResult> {
  try {
    const caller = await getCaller();
    const id = typeof input?.id === "string" ? input.id : "";
    const saved = await saveVisitNotes(caller, id, { notes: input?.notes, expectedVersion: input?.expectedVersion });
    return { ok: true, notesVersion: saved.notesVersion, savedAt: saved.notesUpdatedAt };
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "conflict") {
        const currentVersion = Number(error.fields?.notesVersion);
        return { ok: false, kind: "conflict", message: error.message, ...(Number.isInteger(currentVersion) ? { currentVersion } : {}) };
      }
      if (error.code !== "unavailable") return { ok: false, kind: "rejected", message: error.message };
    } else {
      console.error(error);
    }
    return { ok: false, kind: "failed", message: "Not saved — retrying" };
  }
}

export async function setVisitOutcomeAction(input: { id: string; outcome: string }): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    const status = await setVisitOutcome(caller, typeof input?.id === "string" ? input.id : "", input?.outcome);
    revalidatePath("/dashboard", "layout");
    return { message: status === "completed" ? "Marked completed." : "Marked as a no-show." };
  });
}
