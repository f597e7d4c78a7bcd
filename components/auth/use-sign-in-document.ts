"use client";

import { useEffect } from "react";

/**
 * Reloads the page if this document was not loaded as a sign-in page. Only
 * the sign-in pages' Content-Security-Policy lets the Firebase SDK reach
 * Firebase Auth (proxy.ts), and a client-side navigation here (the sign-out
 * redirect, a link from the front page) keeps the previous document and its
 * policy, so the SDK's requests would be refused. SignInDocumentMark sets the
 * flag when a sign-in page's HTML is loaded.
 */
export function useSignInDocument() {
  useEffect(() => {
    // The flag's name is SIGN_IN_DOCUMENT_FLAG (sign-in-document-mark.tsx, a server module).
    if (!(window as { __signInDocument?: boolean }).__signInDocument) window.location.reload();
  }, []);
}
