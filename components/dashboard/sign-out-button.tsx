"use client";

import { useFormStatus } from "react-dom";
import { signOutAction } from "@/components/dashboard/actions";
import { Button } from "@/components/ui";

function Submit({ className }: { className?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="secondary" size="sm" loading={pending} className={className}>
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}

export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <Submit className={className} />
    </form>
  );
}
