"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/domain/action-result";
import { waitlistJoinSchema, waitlistLeaveSchema } from "@/lib/domain/waitlist";
import { WAITLIST_MESSAGES } from "@/lib/domain/waitlist";
import { parseWith } from "@/lib/http/json-api";
import { clientIp } from "@/lib/server/client-ip";
import { actionFailure, formAction } from "@/lib/server/form-action";
import { joinWaitlist } from "@/lib/server/waitlist/join";
import { leaveWaitlist } from "@/lib/server/waitlist/leave";

export type JoinedWaitlistResult = ActionResult<{ email: string; added: boolean; expiresAt: string }>;

/** "Tell me if a time opens": a public POST like the booking form's, so the schema here is the check that counts. */
export async function joinWaitlistAction(slug: unknown, doctorId: unknown, input: unknown): Promise<JoinedWaitlistResult> {
  if (typeof slug !== "string" || typeof doctorId !== "string") {
    return actionFailure("We couldn't find that clinic or doctor. Please check the link.", "not_found");
  }
  return formAction(
    async () => {
      const join = parseWith(waitlistJoinSchema, input, "Please check the highlighted fields.");
      const ip = clientIp(await headers());
      const joined = await joinWaitlist(slug, doctorId, join, { ip: ip === "unknown" ? null : ip });
      return { message: "", data: { email: join.email, added: joined.added, expiresAt: joined.expiresAt } };
    },
    { failure: "Something went wrong on our side and you weren't added. Please try again in a moment." },
  );
}

/**
 * The leave page's button: a POST, so a mail scanner that opens the link
 * leaves nothing. A form post (useActionState), so it works without
 * JavaScript too; the answer is shown on the same page.
 */
export async function leaveWaitlistAction(_previous: ActionResult<{ left: boolean }> | null, form: FormData): Promise<ActionResult<{ left: boolean }>> {
  const query = { w: form.get("w"), t: form.get("t") };
  if (!waitlistLeaveSchema.safeParse(query).success) return actionFailure(WAITLIST_MESSAGES.leaveLinkBroken);
  return formAction(async () => ({ message: "", data: await leaveWaitlist(query) }));
}
