"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { XIcon } from "./icons";

// Radix handles the hard parts: focus is trapped inside and returned to the
// trigger on close, Escape and an overlay click close it, the rest of the page
// is hidden from assistive tech, and title/description are wired with
// aria-labelledby/aria-describedby. Every DialogContent needs a DialogTitle
// (Radix warns otherwise); wrap it in a visually hidden span if you must.

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

export type DialogContentProps = ComponentProps<typeof RadixDialog.Content> & {
  /** Accessible name of the corner close button. */
  closeLabel?: string;
};

export function DialogContent({ className, children, closeLabel = "Close", ...props }: DialogContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay
        className={cn(
          "fixed inset-0 z-40 bg-slate-900/50",
          "motion-safe:transition-opacity motion-safe:duration-200 motion-safe:starting:opacity-0",
        )}
      />
      <RadixDialog.Content
        className={cn(
          "fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto",
          "rounded-xl border border-slate-200 bg-white p-6 shadow-xl",
          "focus-visible:outline-none",
          "motion-safe:transition motion-safe:duration-200 motion-safe:starting:scale-95 motion-safe:starting:opacity-0",
          className,
        )}
        {...props}
      >
        {children}
        <RadixDialog.Close
          aria-label={closeLabel}
          className={cn(
            "absolute top-3 right-3 inline-flex size-11 items-center justify-center rounded-lg text-slate-600",
            "hover:bg-slate-100 hover:text-slate-900",
            "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-primary-600",
          )}
        >
          <XIcon className="size-5" />
        </RadixDialog.Close>
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

export function DialogHeader({ className, ...props }: ComponentProps<"div">) {
  // Right padding keeps the title clear of the close button.
  return <div className={cn("flex flex-col gap-2 pr-10", className)} {...props} />;
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof RadixDialog.Title>) {
  return (
    <RadixDialog.Title className={cn("text-lg font-semibold tracking-tight text-slate-900", className)} {...props} />
  );
}

export function DialogDescription({ className, ...props }: ComponentProps<typeof RadixDialog.Description>) {
  return <RadixDialog.Description className={cn("text-base text-slate-600", className)} {...props} />;
}

export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  // Stacked full-width on phones (primary action on top), right-aligned row from sm up.
  return (
    <div
      className={cn("mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end", className)}
      {...props}
    />
  );
}
