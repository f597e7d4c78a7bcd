import type { FirebaseClientConfig } from "@/lib/domain/firebase-client-config";

// Google sign-in on the local Auth emulator, offline. The SDK's own popup
// flow loads Google's gapi script from apis.google.com (so does the
// emulator's helper iframe), which an offline machine cannot reach. The
// emulator's account chooser itself needs nothing from the internet: when an
// account is picked it hands its result to a frame of the opener that is on
// its own origin and names the app (apiKey, appName in the query). So the
// chooser is served from our origin (app/api/dev/auth-emulator, emulators
// only), this page adds that frame (a same-origin about:blank with the
// query), and reads the fake Google ID token from the result. The token then
// signs in with signInWithCredential, as a real Google credential would.

const CHOOSER_PATH = "/api/dev/auth-emulator/handler";

interface ChooserMessage {
  eventType?: string;
  data?: { authEvent?: { urlResponse?: string | null; error?: unknown } };
}

/** The id_token the chooser puts in its result URL, or null. */
export function idTokenFromChooserResult(urlResponse: string): string | null {
  try {
    return new URL(urlResponse).searchParams.get("id_token");
  } catch {
    return null;
  }
}

/** Opens the emulator's Google account chooser; the picked account's fake ID token, or null if the window was closed. */
export async function emulatorGoogleIdToken(config: FirebaseClientConfig, appName: string): Promise<string | null> {
  const query = new URLSearchParams({ apiKey: config.apiKey, appName });
  const relay = document.createElement("iframe");
  relay.hidden = true;
  relay.title = "Google sign-in relay";
  relay.src = `about:blank?${query}`;
  const loaded = new Promise((resolve) => relay.addEventListener("load", resolve, { once: true }));
  document.body.append(relay);
  await loaded;
  const chooser = window.open(
    `${CHOOSER_PATH}?${new URLSearchParams({ ...Object.fromEntries(query), authType: "signInViaPopup", providerId: "google.com", eventId: crypto.randomUUID() })}`,
    "google-sign-in",
    "popup,width=500,height=640",
  );
  if (!chooser) {
    relay.remove();
    throw Object.assign(new Error("The Google sign-in window was blocked."), { code: "auth/popup-blocked" });
  }
  return new Promise<string | null>((resolve) => {
    const finish = (token: string | null) => {
      window.clearInterval(closedPoll);
      relay.remove();
      if (!chooser.closed) chooser.close();
      resolve(token);
    };
    relay.contentWindow!.addEventListener("message", (event: MessageEvent<ChooserMessage>) => {
      if (event.origin !== window.location.origin || event.data?.eventType !== "sendAuthEvent") return;
      const urlResponse = event.data.data?.authEvent?.urlResponse;
      finish(urlResponse ? idTokenFromChooserResult(urlResponse) : null);
    });
    const closedPoll = window.setInterval(() => {
      if (chooser.closed) finish(null);
    }, 300);
  });
}
