"use server";

import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/server/auth/caller";
import { formAction, type ActionResult } from "@/lib/server/form-action";
import { saveVisitNotes, setVisitOutcome } from "@/lib/server/visits/staff-visits";

// Each action: who is calling, then one verb, which parses its input with
// zod and checks the caller and clinic inside its transaction.

/**
 * The notes editor's autosave. A failure's code tells the editor what to do:
 * "conflict" (someone saved since this editor loaded; fields.notesVersion is
 * theirs): keep the text, no retry; "unavailable" or "internal": retry; any
 * other: the input or the caller can't be saved, no retry.
 */
export type SaveNotesResult = ActionResult<{ notesVersion: number; savedAt: number }>;

export async function saveVisitNotesAction(input: { id: string; notes: string; expectedVersion: number }): Promise<SaveNotesResult> {
  return formAction(
    async () => {
      const caller = await getCaller();
      const id = typeof input?.id === "string" ? input.id : "";
      const saved = await saveVisitNotes(caller, id, { notes: input?.notes, expectedVersion: input?.expectedVersion });
      return { message: "Saved.", data: { notesVersion: saved.notesVersion, savedAt: saved.notesUpdatedAt } };
    },
    { failure: "Not saved — retrying" },
  );
}

export async function setVisitOutcomeAction(input: { id: string; outcome: string }): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    const status = await setVisitOutcome(caller, typeof input?.id === "string" ? input.id : "", input?.outcome);
    revalidatePath("/dashboard", "layout");
    return { message: status === "completed" ? "Marked completed." : "Marked as a no-show." };
  });
}
