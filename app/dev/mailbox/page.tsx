import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Fragment } from "react";
import { buttonClasses, EmptyState, InboxIcon, Input, Label } from "@/components/ui";
import { formatDate, formatTime } from "@/lib/domain/time-format";
import { getCaller } from "@/lib/server/auth/caller";
import { devMailboxScope, listDevMailbox } from "@/lib/server/mail/dev-mailbox";
import { listEmulatorAuthMail } from "@/lib/server/mail/emulator-auth-mail";
import { usingEmulators } from "@/lib/server/env";

// Testers reload this to see the email they just caused.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Dev mailbox",
  robots: { index: false, follow: false },
};

type Props = { searchParams: Promise<{ to?: string | string[] }> };

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its URLs as links, so a tester can click the status link. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all text-primary-800 underline underline-offset-4">
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** The email's HTML with links opening in a new tab (the preview frame is sandboxed). */
function previewDocument(html: string): string {
  const base = '<head><base target="_blank"></head>';
  return /<body/i.test(html) ? html.replace(/<body/i, `${base}<body`) : `${base}${html}`;
}

export default async function DevMailboxPage({ searchParams }: Props) {
  if (!usingEmulators()) notFound();
  // Patients' details and every private link are in here: a signed-in member
  // sees their clinic's mail only; everything only with DEV_MAILBOX_OPEN=1.
  const caller = await getCaller();
  const scope = devMailboxScope(caller);
  if (!scope) redirect("/login");
  const query = await searchParams;
  const to = typeof query.to === "string" ? query.to.trim() : "";
  const [mails, authMails] = await Promise.all([
    listDevMailbox({ to: to || undefined, ...(scope === "all" ? {} : { clinicId: scope.clinicId }) }),
    // A member sees Firebase Auth's links to their own email only: each one resets or verifies an account.
    listEmulatorAuthMail({ to: to || undefined, ...(scope === "all" ? {} : { among: caller?.email ? [caller.email] : [] }) }),
  ]);

  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-8 sm:px-6 sm:py-10">
      <p className="text-sm font-medium text-amber-800">Local emulators only</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Dev mailbox</h1>
      <p className="mt-2 text-base text-slate-600">
        Firebase Auth&apos;s links from the Auth emulator, then the emails queued in the{" "}
        <code className="rounded bg-slate-100 px-1 py-0.5 text-sm">mail</code> collection, newest first
        {scope === "all" ? "" : ", for your clinic only"}. Nothing is really sent while the app runs on emulators.
      </p>

      <form method="get" className="mt-6 flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1 space-y-1.5">
          <Label htmlFor="mailbox-to">Recipient</Label>
          <Input id="mailbox-to" name="to" type="email" defaultValue={to} placeholder="patient@example.com" spellCheck={false} />
        </div>
        <div className="flex gap-3">
          <button type="submit" className={buttonClasses({ className: "flex-1 sm:flex-none" })}>
            Show emails
          </button>
          {to && (
            <Link href="/dev/mailbox" className={buttonClasses({ variant: "secondary", className: "flex-1 sm:flex-none" })}>
              Show all
            </Link>
          )}
        </div>
      </form>

      {authMails.length > 0 && (
        <section aria-labelledby="auth-mail" className="mt-6 rounded-xl border border-slate-200 bg-white px-5 py-4 shadow-xs sm:px-6">
          <h2 id="auth-mail" className="text-base font-semibold text-slate-900">
            Firebase Auth emails
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Password resets and email verifications Firebase Auth would have sent, as the Auth emulator keeps them.
          </p>
          <ol className="mt-3 space-y-3">
            {authMails.map((mail) => (
              <li key={mail.id}>
                <p className="text-base font-medium text-slate-900">{mail.subject}</p>
                <p className="text-sm text-slate-600">
                  To <span className="font-medium break-all text-slate-900">{mail.to}</span>
                </p>
                <Linkified text={mail.link} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <p role="status" className="mt-6 text-sm text-slate-600">
        {mails.length === 1 ? "1 email" : `${mails.length} emails`}
        {to && (
          <>
            {" "}
            to <span className="font-medium text-slate-900">{to}</span>
          </>
        )}
      </p>

      {mails.length === 0 ? (
        <EmptyState
          className="mt-3"
          icon={<InboxIcon className="size-6" />}
          title={to ? `No emails to ${to} yet` : "No emails yet"}
          description={
            <>
              Request an appointment on{" "}
              <Link href="/book/demo" className="font-medium text-primary-800 underline underline-offset-4">
                the demo clinic&apos;s booking page
              </Link>{" "}
              and the &ldquo;We received your request&rdquo; email appears here. Reload to check again.
            </>
          }
        />
      ) : (
        <ol className="mt-3 space-y-4">
          {mails.map((mail) => (
            <li key={mail.id}>
              <article
                aria-labelledby={`mail-${mail.id}`}
                className="rounded-xl border border-slate-200 bg-white shadow-xs"
              >
                <header className="border-b border-slate-200 px-5 py-4 sm:px-6">
                  <h2 id={`mail-${mail.id}`} className="text-base font-semibold text-slate-900">
                    {mail.subject || "(no subject)"}
                  </h2>
                  <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
                    <span>
                      To <span className="font-medium break-all text-slate-900">{mail.to}</span>
                    </span>
                    {mail.createdAt && (
                      <span className="tabular-nums">
                        {formatDate(Date.parse(mail.createdAt), "UTC")}, {formatTime(Date.parse(mail.createdAt), "UTC")} UTC
                      </span>
                    )}
                  </p>
                </header>
                <div className="px-5 py-4 sm:px-6">
                  <p className="text-sm font-medium text-slate-600">Text version</p>
                  <div className="mt-2 text-base leading-relaxed whitespace-pre-wrap text-slate-800">
                    <Linkified text={mail.text} />
                  </div>
                  {mail.attachments.map((file) => (
                    <details key={file.filename} className="mt-4 rounded-lg border border-slate-200">
                      <summary className="flex min-h-11 cursor-pointer items-center px-4 text-sm font-medium text-slate-700 hover:bg-slate-50">
                        Attachment: {file.filename}
                      </summary>
                      <pre className="overflow-x-auto border-t border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-800">{file.content}</pre>
                    </details>
                  ))}
                  {mail.html && (
                    <details className="group mt-4 rounded-lg border border-slate-200">
                      <summary className="flex min-h-11 cursor-pointer items-center px-4 text-sm font-medium text-slate-700 hover:bg-slate-50">
                        HTML version
                      </summary>
                      <iframe
                        title={`HTML version of “${mail.subject}”`}
                        srcDoc={previewDocument(mail.html)}
                        sandbox="allow-popups allow-popups-to-escape-sandbox"
                        className="h-[32rem] w-full rounded-b-lg border-t border-slate-200 bg-slate-50"
                      />
                    </details>
                  )}
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
