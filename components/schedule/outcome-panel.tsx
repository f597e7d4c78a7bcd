"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setVisitOutcomeAction } from "@/components/schedule/actions";
import { Alert, Button } from "@/components/ui";
import type { VisitOutcome } from "@/lib/domain/visits";

/**
 * "Mark completed" / "Mark no-show" once the visit's time has come. The
 * server checks the time, the caller and the visit's state again; its
 * answer is shown here and the page refreshes to the new history.
 */
export function OutcomePanel({ visitId, started }: { visitId: string; started: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState<VisitOutcome | null>(null);

  function mark(outcome: VisitOutcome) {
    setChoice(outcome);
    setError(null);
    startTransition(async () => {
      try {
        const result = await setVisitOutcomeAction({ id: visitId, outcome });
        if (!result.ok) setError(result.message);
      } catch {
        setError("We couldn't reach the server. Check your connection and try again.");
      }
      router.refresh();
    });
  }

  if (!started) {
    return <p className="text-base text-slate-600">You can mark the visit completed or a no-show once its start time has come.</p>;
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <Button loading={pending && choice === "completed"} disabled={pending} onClick={() => mark("completed")}>
          Mark completed
        </Button>
        <Button variant="secondary" loading={pending && choice === "no_show"} disabled={pending} onClick={() => mark("no_show")}>
          Mark no-show
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
