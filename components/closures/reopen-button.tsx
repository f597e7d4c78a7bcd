"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { reopenClinicDateAction } from "@/components/closures/actions";
import { Button, Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger, toast } from "@/components/ui";

/** Opens a closed day again, after asking: patients can book it at once. */
export function ReopenButton({ date, label }: { date: string; label: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [sending, startSending] = useTransition();

  function reopen() {
    startSending(async () => {
      const form = new FormData();
      form.set("date", date);
      const result = await reopenClinicDateAction(form).catch(() => ({ ok: false as const, message: "We couldn't reach the server. Please try again." }));
      setOpen(false);
      if (result.ok) toast.success(result.message);
      else toast.error(result.message);
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !sending && setOpen(next)}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          Reopen<span className="sr-only"> {label}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Open the clinic on {label}?</DialogTitle>
          <DialogDescription>Each doctor&rsquo;s own hours apply again, and patients can book them at once.</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={sending}>
              Keep it closed
            </Button>
          </DialogClose>
          <Button loading={sending} onClick={reopen}>
            {sending ? "Opening…" : "Open the clinic"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
