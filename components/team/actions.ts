"use server";

import { revalidatePath } from "next/cache";
import { inviteSchema, memberRoleSchema } from "@/lib/domain/clinic-settings";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { getCaller } from "@/lib/server/auth/caller";
import { formAction, parseForm, type ActionResult } from "@/lib/server/form-action";
import { createInvite, revokeInvite } from "@/lib/server/team/invites";
import { changeMemberRole, removeMember } from "@/lib/server/team/members";

export type CreatedInviteView = { url: string; email: string; expiresAt: string };

export async function createInviteAction(form: FormData): Promise<ActionResult<CreatedInviteView>> {
  return formAction(async () => {
    const caller = await getCaller();
    const invite = await createInvite(caller, parseForm(inviteSchema, form));
    revalidatePath("/dashboard/team");
    return {
      message: `Invite sent to ${invite.email}.`,
      data: { url: invite.url, email: invite.email, expiresAt: invite.expiresAt.toISOString() },
    };
  });
}

export async function changeRoleAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    const change = parseForm(memberRoleSchema, form);
    await changeMemberRole(caller, String(form.get("uid") ?? ""), change);
    revalidatePath("/dashboard/team");
    return { message: `Role changed to ${ROLE_LABELS[change.role].toLowerCase()}.` };
  });
}

export async function removeMemberAction(uid: string): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    await removeMember(caller, String(uid));
    revalidatePath("/dashboard/team");
    return { message: "Removed from the clinic. Their sessions have ended." };
  });
}

export async function revokeInviteAction(inviteId: string): Promise<ActionResult> {
  return formAction(async () => {
    const caller = await getCaller();
    await revokeInvite(caller, String(inviteId));
    revalidatePath("/dashboard/team");
    return { message: "Invite withdrawn. The link no longer works." };
  });
}
