"use client";

import { useOptimistic, useTransition } from "react";
import { setRequestEmailsAction } from "@/components/requests/actions";
import { Checkbox, toast } from "@/components/ui";

/**
 * The caller's own choice to be emailed about new requests (and patients'
 * answers). Optimistic: the box flips at once and flips back if the server
 * says no.
 */
export function NotifyToggle({ enabled }: { enabled: boolean }) {
  const [shown, setShown] = useOptimistic(enabled);
  const [pending, startTransition] = useTransition();
  return (
    <Checkbox
      label="Email me about new requests"
      description="Also when a patient answers a proposed time. Just for you."
      checked={shown}
      aria-busy={pending || undefined}
      onChange={(event) => {
        const next = event.target.checked;
        startTransition(async () => {
          setShown(next);
          let result: { ok: boolean; message: string };
          try {
            result = await setRequestEmailsAction(next);
          } catch {
            result = { ok: false, message: "We couldn't reach the server. Check your connection and try again." };
          }
          if (result.ok) toast.success(result.message);
          else toast.error(result.message);
        });
      }}
    />
  );
}
