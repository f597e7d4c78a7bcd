"use client";

import { useState, useTransition } from "react";
import { createCalendarFeedAction } from "@/components/calendar-feed/actions";
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  CopyButton,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  Input,
  toast,
} from "@/components/ui";

/**
 * One private feed: make its address, see it once with a copy button, or
 * replace it (after asking: the old address stops at once). Only the
 * address's hash is stored, so it cannot be shown again later.
 */
export function FeedCard({ scope, title, description, createdLabel }: { scope: "doctor" | "clinic"; title: string; description: string; createdLabel: string | null }) {
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const exists = createdLabel !== null || url !== null;

  function create() {
    startTransition(async () => {
      const result = await createCalendarFeedAction(scope).catch(() => ({ ok: false as const, message: "We couldn't reach the server. Please try again." }));
      setConfirming(false);
      if (result.ok && result.data) {
        setUrl(result.data.url);
        toast.success(result.message);
      } else {
        toast.error(result.message);
      }
    });
  }

  const webcal = url?.replace(/^https?:/, "webcal:");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {url ? (
          <div className="space-y-3">
            <Alert tone="success" title="Copy this address now">
              It is shown only this once. Anyone with it can see these visits&rsquo; times, so keep it private.
            </Alert>
            <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
              <Input readOnly value={url} aria-label={`${title}: calendar address`} className="min-w-0 flex-1 font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={url} label="Copy address" />
            </div>
            <ul className="list-disc space-y-1 pl-5 text-base text-slate-700">
              <li>
                Google Calendar: Other calendars, <span className="font-medium">+</span>, From URL; paste the address.
              </li>
              <li>
                Apple Calendar:{" "}
                <a href={webcal} className="font-medium text-primary-800 underline underline-offset-4">
                  subscribe
                </a>{" "}
                (or File, New Calendar Subscription).
              </li>
              <li>Outlook: Add calendar, Subscribe from web; paste the address.</li>
            </ul>
          </div>
        ) : exists ? (
          <p className="text-base text-slate-700">
            You made an address {createdLabel}. It was shown once, when it was made. If you lost it, get a new one.
          </p>
        ) : (
          <p className="text-base text-slate-700">No address yet.</p>
        )}
        {!exists ? (
          <Button loading={pending} onClick={create}>
            {pending ? "Making…" : "Get a calendar address"}
          </Button>
        ) : (
          <Dialog open={confirming} onOpenChange={(next) => !pending && setConfirming(next)}>
            <DialogTrigger asChild>
              <Button variant="secondary">Get a new address</Button>
            </DialogTrigger>
            <DialogContent>
              <DialogHeader>
                <DialogTitle>Replace the calendar address?</DialogTitle>
                <DialogDescription>
                  The current address stops working at once: calendars subscribed to it stop updating. You then subscribe again with the new one.
                </DialogDescription>
              </DialogHeader>
              <DialogFooter>
                <DialogClose asChild>
                  <Button variant="secondary" disabled={pending}>
                    Keep the current one
                  </Button>
                </DialogClose>
                <Button loading={pending} onClick={create}>
                  {pending ? "Replacing…" : "Replace the address"}
                </Button>
              </DialogFooter>
            </DialogContent>
          </Dialog>
        )}
      </CardContent>
    </Card>
  );
}
