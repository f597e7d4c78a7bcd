import { headers } from "next/headers";

/** The flag SignInDocumentMark sets and useSignInDocument reads. */
export const SIGN_IN_DOCUMENT_FLAG = "__signInDocument";

/**
 * Marks a document that was loaded as a sign-in page, so it has the sign-in
 * pages' Content-Security-Policy (proxy.ts). An inline script runs only when
 * the server's HTML is loaded, never when React renders it after a client-side
 * navigation, which is exactly the case to tell apart (use-sign-in-document.ts).
 */
export async function SignInDocumentMark() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `window.${SIGN_IN_DOCUMENT_FLAG}=true` }} />;
}
