import { expect, test, visit, type ConsoleMessage } from "./support/fixtures";

// The headers of the production build (the e2e stack runs `next start`), and
// proof that the Content-Security-Policy does not stop the pages' own scripts.

const PAGES = ["/login", "/book/demo", "/signup"];
const ALL = [...PAGES, "/api/health", "/api/public/orgs/demo"];

test("every response carries the security headers; no x-powered-by", async ({ request }) => {
  for (const path of ALL) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["permissions-policy"], path).toContain("geolocation=()");
    expect(headers["strict-transport-security"], path).toMatch(/^max-age=\d{8,}/);
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("pages get a CSP with a fresh nonce per request and no framing", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of [...PAGES, ...PAGES]) {
    const response = await request.get(path);
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toContain("unsafe-eval");
    const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    // Next.js put the nonce on its scripts.
    expect(await response.text(), path).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(PAGES.length * 2);
});

test("the status page keeps its stricter Referrer-Policy", async ({ request }) => {
  const response = await request.get("/appointments/nope?t=x");
  // The token never leaves in a Referer (only the origin), and a form posted without JavaScript still names its origin.
  expect(response.headers()["referrer-policy"]).toBe("strict-origin");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
});

test("pages still run their scripts, with no CSP violation or header warning, and the font loads", async ({ page }) => {
  const problems: string[] = [];
  const watch = (message: ConsoleMessage) => {
    // A header the browser cannot parse ("Unrecognized feature" in the
    // Permissions-Policy) warns on every page load.
    if (/Content Security Policy|Permissions-Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) problems.push(message.text());
  };
  page.on("console", watch);
  page.on("pageerror", (error) => problems.push(error.message));

  // The calendar's times are fetched and drawn by client scripts: they show
  // only if the CSP let React hydrate and call the slots API.
  await visit(page, "/book/demo");
  await page.getByRole("link", { name: "Dr. Amara Okafor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dr. Amara Okafor" })).toBeVisible();
  await page.getByRole("grid").locator("button:not([disabled])").first().click();
  await expect(page.locator("[data-slot]").first()).toBeVisible();

  // The sign-in form's JavaScript path (fetch to /api/session) works.
  await visit(page, "/login");
  await page.getByLabel("Email").fill("staff@demo.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/dashboard");

  const fontLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some((font) => font.status === "loaded");
  });
  expect(fontLoaded).toBe(true);
  expect(problems).toEqual([]);
});

test("the booking and sign-in pages raise no CSP violation, not even one a script catches", async ({ page }) => {
  // A refused eval that a library catches prints nothing to the console, but
  // the browser still reports it (a securitypolicyviolation event, and an
  // issue Lighthouse's best-practices score counts).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const violations: Record<string, string[]> = {};
  for (const path of ["/book/demo/dr-amara-okafor", "/login"]) {
    await visit(page, path);
    violations[path] = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  }
  expect(violations).toEqual({ "/book/demo/dr-amara-okafor": [], "/login": [] });
});

test("only the sign-in pages may reach the Auth emulator; booking and status pages may not", async ({ request }) => {
  const connectSrc = async (path: string) => /connect-src ([^;]*)/.exec((await request.get(path)).headers()["content-security-policy"] ?? "")?.[1] ?? "";
  for (const path of ["/login", "/login/forgot"]) expect(await connectSrc(path), path).toMatch(/^'self' http:\/\/127\.0\.0\.1:\d+$/);
  for (const path of ["/book/demo", "/appointments/nope?t=x", "/signup"]) expect(await connectSrc(path), path).not.toContain("127.0.0.1");
});
