import type { APIRequestContext } from "@playwright/test";
import { e2eBackendPorts } from "../../../scripts/lib/e2e-ports";

// A new clinic's booking page opens once its admin's email is verified. Specs
// about something else verify it past the UI: the Auth emulator's newest
// verification link for the email, followed as the inbox would (the emulator
// verifies on the GET). The admin's next dashboard load then opens the page.
export async function verifyEmailInEmulator(request: APIRequestContext, email: string): Promise<void> {
  const { auth } = e2eBackendPorts();
  const project = process.env.FIREBASE_PROJECT_ID ?? "demo-clinic";
  const listed = await request.get(`http://127.0.0.1:${auth}/emulator/v1/projects/${project}/oobCodes`);
  const { oobCodes = [] } = (await listed.json()) as { oobCodes?: { email: string; requestType: string; oobLink: string }[] };
  const link = oobCodes.filter((code) => code.requestType === "VERIFY_EMAIL" && code.email === email.toLowerCase()).at(-1)?.oobLink;
  if (!link) throw new Error(`No verification link for ${email} in the Auth emulator`);
  const followed = await request.get(link, { maxRedirects: 0 });
  if (followed.status() !== 303 && followed.status() !== 200) throw new Error(`Following ${email}'s verification link: ${followed.status()}`);
}
