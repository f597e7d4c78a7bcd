import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell, linkClasses } from "@/components/auth/auth-shell";
import { SignupForm } from "@/components/auth/signup-form";
import { getCaller } from "@/lib/server/auth/caller";
import { serverEnv } from "@/lib/server/env";

export const metadata: Metadata = { title: "Set up your clinic" };

export default async function SignupPage() {
  if (await getCaller()) redirect("/dashboard");
  const bookingBase = `${new URL(serverEnv().APP_URL).host}/book/`;
  const timeZones = [...Intl.supportedValuesOf("timeZone"), "UTC"];
  return (
    <AuthShell
      wide
      title="Set up your clinic"
      description="Create your clinic's booking page and your admin account. It takes two minutes; you can change everything except the link later."
      footer={
        <>
          Already have an account?{" "}
          <Link href="/login" className={linkClasses}>
            Sign in
          </Link>
        </>
      }
    >
      <SignupForm timeZones={timeZones} bookingBase={bookingBase} />
    </AuthShell>
  );
}
