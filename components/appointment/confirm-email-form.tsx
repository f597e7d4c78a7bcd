"use client";

import { useActionState } from "react";
import { confirmEmailAction } from "@/components/appointment/confirm-email-actions";
import { Button } from "@/components/ui";

/**
 * The confirm link's one button. Success redirects to the status page; a
 * refusal (the patient's waiting requests are at the limit) is shown above the
 * button. useActionState keeps both working without JavaScript: the post then
 * answers with this page, the refusal in it.
 */
export function ConfirmEmailForm({ id, token }: { id: string; token: string }) {
  const [result, confirm] = useActionState(confirmEmailAction, null);
  return (
    <form action={confirm} className="space-y-4">
      {result && !result.ok && (
        <p role="alert" className="text-red-700">
          {result.message}
        </p>
      )}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="t" value={token} />
      <Button type="submit" size="lg">
        Confirm my request
      </Button>
    </form>
  );
}
