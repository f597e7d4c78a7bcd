import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell, linkClasses } from "@/components/auth/auth-shell";
import { SignInDocumentMark } from "@/components/auth/sign-in-document-mark";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { firebaseClientConfig } from "@/lib/server/auth/client-config";
import { usingEmulators } from "@/lib/server/env";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

// Reads the environment per request: the dev-mailbox note shows only on the local emulators.
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return (
    <AuthShell
      title="Reset your password"
      description="Enter the email you sign in with. We'll send it a link to choose a new password."
      footer={
        <Link href="/login" className={linkClasses}>
          Back to sign-in
        </Link>
      }
    >
      <SignInDocumentMark />
      <ForgotPasswordForm config={firebaseClientConfig()} devMailbox={usingEmulators()} />
    </AuthShell>
  );
}
