"use client";

import { useFormStatus } from "react-dom";
import { signOutAction } from "@/components/dashboard/actions";
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui";

function Submit() {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant="secondary" loading={pending}>
      {pending ? "Signing out…" : "Sign out everywhere"}
    </Button>
  );
}

/** Ends every session of this account (signOutAction revokes its refresh tokens) and this browser's cookie. */
export function SignOutEverywhere() {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sign out everywhere</CardTitle>
        <CardDescription>
          Signs you out on every computer and phone, this one included, for example after using a shared computer or losing a
          phone. You&apos;ll sign in again with your password or Google.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form action={signOutAction}>
          <Submit />
        </form>
      </CardContent>
    </Card>
  );
}
