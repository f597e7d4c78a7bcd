import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { e2eBackendPorts } from "../../../scripts/lib/e2e-ports";
import { appNow } from "./clock";

// Every spec imports `test` and `expect` from here (eslint keeps it so):
// - Every browser context, the default one and each `browser.newContext()`,
//   runs on the app's clock (clock.ts), so the page's "today" and "time
//   left" agree with the server's.
// - `signedIn(email)` gives a clinic member's page in its own context,
//   signed in as the sign-in page does it (an ID token from the Auth
//   emulator, posted to the session API) without loading the page, and a
//   fresh session per context, so no spec signs another one out.

export const DEMO_PASSWORD = "demo-password";

async function onAppClock(context: BrowserContext, options: BrowserContextOptions = {}) {
  // Without JavaScript there is no clock in the page to move.
  if (options.javaScriptEnabled !== false) await context.clock.install({ time: appNow() });
}

/** A fresh ID token from the stack's Auth emulator, as the client SDK gets it on the sign-in page. */
export async function emulatorIdToken(context: BrowserContext, email: string, password = DEMO_PASSWORD): Promise<string> {
  const url = `http://127.0.0.1:${e2eBackendPorts().auth}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo-local-key`;
  const response = await context.request.post(url, { data: { email, password, returnSecureToken: true } });
  expect(response.status(), `the Auth emulator signing in ${email}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { idToken: string }).idToken;
}

/** Signs `context` in as a clinic member: the session cookie from POST /api/session, given the ID token the sign-in page would post. */
export async function signIn(context: BrowserContext, email: string) {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const idToken = await emulatorIdToken(context, email);
  const response = await context.request.post("/api/session", { data: { idToken }, headers: { origin } });
  expect(response.status(), `signing in ${email}: ${await response.text()}`).toBe(200);
}

/** A browser context of its own for a signed-in clinic member. */
export async function memberContext(browser: Browser, email: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await signIn(context, email);
  return context;
}

export const test = base.extend<{ signedIn: (email: string, options?: BrowserContextOptions) => Promise<Page> }>({
  browser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options?: BrowserContextOptions) => {
        const context = await newContext(options);
        await onAppClock(context, options);
        return context;
      };
      await use(browser);
    },
    { scope: "worker" },
  ],
  signedIn: async ({ browser }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (email, options) => {
      const context = await memberContext(browser, email, options);
      opened.push(context);
      return context.newPage();
    });
    await Promise.all(opened.map((context) => context.close()));
  },
});

export { expect };
export type { APIRequestContext, APIResponse, Browser, BrowserContext, ConsoleMessage, Locator, Page, Route } from "@playwright/test";

/** Goes to `path` and waits until the page has hydrated (components/ui/hydration-mark.tsx), so a click or a keystroke reaches React. */
export async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await hydrated(page);
  return response;
}

export async function reload(page: Page) {
  await page.reload();
  await hydrated(page);
}

export async function hydrated(page: Page) {
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
}

export const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** One axe scan of the page as it is: WCAG 2.2 AA, or every rule (best practices too); `what` names it in the failure. */
export async function expectNoAxeViolations(page: Page, what: string, rules: "wcag" | "all" = "wcag") {
  const builder = new AxeBuilder({ page });
  const results = await (rules === "wcag" ? builder.withTags(WCAG) : builder).analyze();
  const summary = results.violations.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, summary.join("\n")).toEqual([]);
}
