import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell, linkClasses } from "@/components/auth/auth-shell";
import { Alert } from "@/components/ui";
import { SIGN_IN_MESSAGES } from "@/lib/domain/sign-in-messages";

export const metadata: Metadata = { title: "Not a member of any clinic" };

// Where /api/session sends someone Firebase signed in but no clinic knows:
// a page that says so, not an empty dashboard. No session was created.
export default async function NotAMemberPage({ searchParams }: { searchParams: Promise<{ via?: string | string[] }> }) {
  const google = (await searchParams).via === "google";
  return (
    <AuthShell
      title={google ? SIGN_IN_MESSAGES.googleNotMember : "This account isn't a member of any clinic"}
      description="You're not signed in."
      footer={
        <>
          New clinic?{" "}
          <Link href="/signup" className={linkClasses}>
            Set up your clinic
          </Link>
        </>
      }
    >
      <Alert tone="info">
        <p>
          {google
            ? "Ask your clinic's admin to invite the email address of this Google account; once they have, sign in with Google again and you'll join the clinic."
            : "Ask your clinic's admin for an invite to this email address."}
        </p>
        <p className="mt-2">
          <Link href="/login" className={linkClasses}>
            Sign in with another account
          </Link>
        </p>
      </Alert>
    </AuthShell>
  );
}
