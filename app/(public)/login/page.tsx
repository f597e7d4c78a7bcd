import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell, linkClasses } from "@/components/auth/auth-shell";
import { SignInDocumentMark } from "@/components/auth/sign-in-document-mark";
import { LoginForm } from "@/components/auth/login-form";
import { getCaller } from "@/lib/server/auth/caller";
import { firebaseClientConfig } from "@/lib/server/auth/client-config";

export const metadata: Metadata = { title: "Sign in" };

// Why the dashboard sent someone here (lib/server/auth/caller.ts requireCaller).
const NOTICES: Record<string, { tone: "info" | "warning" | "error"; text: string }> = {
  expired: { tone: "warning", text: "Your session expired. Please sign in again." },
  invalid: { tone: "warning", text: "Your session expired. Please sign in again." },
  revoked: { tone: "warning", text: "You were signed out. Please sign in again." },
  disabled: { tone: "error", text: "This account is disabled. Ask your clinic's admin." },
  "no-clinic": {
    tone: "warning",
    text: "Your account isn't part of a clinic any more. Ask your clinic's admin for a new invite, or set up a new clinic.",
  },
  "second-factor": {
    tone: "warning",
    text: "Your clinic now requires two-step verification. Sign in again: you'll add your mobile phone, or enter the code we text you.",
  },
  "signed-out": { tone: "info", text: "You're signed out." },
  created: { tone: "info", text: "Your clinic is set up. Sign in with the email and password you chose." },
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string | string[] }> }) {
  if (await getCaller()) redirect("/dashboard");
  const reason = (await searchParams).reason;
  const notice = typeof reason === "string" ? NOTICES[reason] : undefined;
  return (
    <AuthShell
      title="Sign in"
      description="For clinic staff, doctors and admins."
      footer={
        <>
          New clinic?{" "}
          <Link href="/signup" className={linkClasses}>
            Set up your clinic
          </Link>
        </>
      }
    >
      <SignInDocumentMark />
      <LoginForm config={firebaseClientConfig()} notice={notice} />
    </AuthShell>
  );
}
