"use client";

import { useEffect, type RefObject } from "react";

export const LEAVE_PROMPT = "You have unsaved changes to these hours. Leave without saving?";

/**
 * While `dirty`, leaving the page asks first (`prompt`, in a confirm()):
 * - a reload, closing the tab or a full navigation (the doctor picker's GET
 *   form) get the browser's own beforeunload prompt;
 * - an in-app navigation (a dashboard link, which Next.js turns into a client
 *   transition that beforeunload never sees) and a form elsewhere on the page
 *   that posts (sign out) get a confirm(). Forms inside `ownArea` (the
 *   editor's own form, or every section of a settings page) save, not leave,
 *   so they are not asked about. The listeners run in the capture
 *   phase on the document, before React's root listener, so "Stay" stops the
 *   click before Next's <Link> handles it.
 */
export function useLeaveGuard(dirty: boolean, ownArea: RefObject<HTMLElement | null>, prompt: string = LEAVE_PROMPT) {
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const stay = (event: Event) => {
      if (window.confirm(prompt)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    const click = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return;
      if (anchor.target && anchor.target !== "_self") return; // a new tab keeps this one
      const to = new URL(anchor.href, window.location.href);
      if (to.origin !== window.location.origin) return; // a full navigation: beforeunload asks
      if (to.pathname === window.location.pathname && to.search === window.location.search) return; // same page (#hash)
      stay(event);
    };
    const submit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || ownArea.current?.contains(form)) return;
      // A plain GET form (the doctor picker) is a full navigation: beforeunload asks. A React
      // action form rendered in the browser also reads as GET, but its action is a javascript: URL.
      if (form.method.toLowerCase() === "get" && !(form.getAttribute("action") ?? "").startsWith("javascript:")) return;
      stay(event);
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    document.addEventListener("submit", submit, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
      document.removeEventListener("submit", submit, true);
    };
  }, [dirty, ownArea, prompt]);
}
