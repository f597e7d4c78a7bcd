"use client";

import { useState } from "react";
import { Button, toast } from "@/components/ui";

// Interactive bits of the /dev/ui demo page.

export function ToastDemo() {
  return (
    <div className="flex flex-wrap gap-3">
      <Button variant="secondary" onClick={() => toast.success("Appointment confirmed for Tue 14 Jan, 09:30.")}>
        Success toast
      </Button>
      <Button variant="secondary" onClick={() => toast.info("The clinic will reply within one working day.")}>
        Info toast
      </Button>
      <Button variant="secondary" onClick={() => toast.error("Couldn’t save your changes. Check your connection and try again.")}>
        Error toast
      </Button>
    </div>
  );
}

export function LoadingButtonDemo() {
  const [saving, setSaving] = useState(false);
  return (
    <Button
      loading={saving}
      onClick={() => {
        setSaving(true);
        setTimeout(() => setSaving(false), 2000);
      }}
    >
      {saving ? "Saving…" : "Save (try me)"}
    </Button>
  );
}
