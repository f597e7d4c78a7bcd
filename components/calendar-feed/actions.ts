"use server";

import { revalidatePath } from "next/cache";
import { getCaller } from "@/lib/server/auth/caller";
import { createCalendarFeed, setFeedFirstNames } from "@/lib/server/calendar-feeds/feeds";
import { formAction, type ActionResult } from "@/lib/server/form-action";

/** A new address for one of the caller's feeds (the old one stops); the URL comes back once. */
export async function createCalendarFeedAction(scope: string): Promise<ActionResult<{ url: string }>> {
  return formAction(async () => {
    const { url } = await createCalendarFeed(await getCaller(), scope);
    revalidatePath("/dashboard/calendar-feed");
    return { message: "Your calendar address is ready. Copy it now: it is shown only this once.", data: { url } };
  });
}

export async function setFeedFirstNamesAction(form: FormData): Promise<ActionResult> {
  return formAction(async () => {
    const on = form.get("firstNames") === "on";
    await setFeedFirstNames(await getCaller(), on);
    revalidatePath("/dashboard/calendar-feed");
    return { message: on ? "Feeds now show patients' first names." : "Feeds no longer show patients' names." };
  });
}
