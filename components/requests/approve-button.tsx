"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { approveRequestAction } from "@/components/requests/actions";
import { Button, toast, type ButtonSize } from "@/components/ui";

/**
 * One click: approves the request at the version this page showed. On
 * success the page refreshes in place (the row leaves "Needs review", the
 * nav's count drops); if someone changed the request meanwhile, the error
 * says who and when, and the refresh shows the fresh state.
 */
export function ApproveButton({
  id,
  version,
  patientName,
  size = "md",
  onResult,
}: {
  id: string;
  version: number;
  patientName: string;
  size?: ButtonSize;
  /** Lets a surrounding panel show the outcome inline as well. */
  onResult?: (result: { ok: boolean; message: string }) => void;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function approve() {
    startTransition(async () => {
      let result: { ok: boolean; message: string };
      try {
        result = await approveRequestAction({ id, version });
      } catch {
        result = { ok: false, message: "We couldn't reach the server. Check your connection and try again." };
      }
      // A surrounding panel reports and refreshes; alone (a queue row), toast and refresh here.
      if (onResult) return onResult(result);
      if (result.ok) toast.success(result.message);
      else toast.error(result.message);
      router.refresh();
    });
  }
  return (
    <Button size={size} loading={pending} onClick={approve} aria-label={size === "sm" ? `Approve ${patientName}'s request` : undefined}>
      {pending ? "Approving…" : "Approve"}
    </Button>
  );
}
