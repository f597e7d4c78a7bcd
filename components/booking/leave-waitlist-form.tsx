"use client";

import { useActionState } from "react";
import { leaveWaitlistAction } from "@/components/booking/waitlist-actions";
import { Alert, Button } from "@/components/ui";

/**
 * The leave link's one button. Opening the link changes nothing (mail
 * scanners open links); this posts. Works without JavaScript: the post
 * answers with this page, the outcome in it.
 */
export function LeaveWaitlistForm({ entry, token, doctorName }: { entry: string; token: string; doctorName: string }) {
  const [result, leave, pending] = useActionState(leaveWaitlistAction, null);
  if (result?.ok) {
    return (
      <Alert tone="success" title="You've left the waiting list">
        We won&apos;t email you about {doctorName}&apos;s times any more, and your address is deleted from the list.
      </Alert>
    );
  }
  return (
    <form action={leave} className="space-y-4">
      {result && !result.ok && (
        <Alert tone="error" title="You're still on the list">
          {result.message}
        </Alert>
      )}
      <input type="hidden" name="w" value={entry} />
      <input type="hidden" name="t" value={token} />
      <Button type="submit" size="lg" loading={pending} className="w-full sm:w-auto">
        Leave the waiting list
      </Button>
    </form>
  );
}
