"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { cn } from "./cn";
import { CheckIcon, CopyIcon } from "./icons";

export type CopyButtonProps = {
  /** The text put on the clipboard. */
  value: string;
  /** Visible label; also the accessible name (add context, e.g. "Copy booking link"). */
  label?: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
};

type CopyState = "idle" | "copied" | "failed";

const RESET_MS = 2000;

async function copyText(value: string): Promise<boolean> {
  // The async Clipboard API needs a secure context (https or localhost).
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(value);
      return true;
    } catch {
      // Permission denied or document not focused: try the legacy path.
    }
  }
  // Fallback for plain http or older browsers: copy from an off-screen textarea.
  const textarea = document.createElement("textarea");
  textarea.value = value;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  document.body.appendChild(textarea);
  const previousFocus = document.activeElement as HTMLElement | null;
  textarea.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  textarea.remove();
  previousFocus?.focus();
  return copied;
}

/**
 * Copies `value`, then shows "Copied" for 2 s. The result is announced through
 * a polite live region; if copying is impossible it says so and asks the
 * user to copy by hand (so show the value on screen next to the button).
 */
export function CopyButton({ value, label = "Copy", variant = "secondary", size = "md", className }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), RESET_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function handleClick() {
    setState((await copyText(value)) ? "copied" : "failed");
  }

  return (
    <span className={cn("inline-flex flex-col items-center gap-1", className)}>
      <Button variant={variant} size={size} onClick={handleClick}>
        {state === "copied" ? (
          <CheckIcon className="size-5 text-green-700" />
        ) : (
          <CopyIcon className="size-5" />
        )}
        {state === "copied" ? "Copied" : label}
      </Button>
      <span aria-live="polite" className={state === "failed" ? "text-sm text-red-700" : "sr-only"}>
        {state === "copied" && "Copied to clipboard"}
        {state === "failed" && "Couldn’t copy. Select the text and copy it yourself."}
      </span>
    </span>
  );
}
