// Runs in the browser before the app's own code (Next.js loads it first).
//
// zod compiles a faster parser with `new Function` where it may, and probes for
// that when the first object schema is built. Our CSP has no 'unsafe-eval', so
// the probe is refused; zod catches the refusal, but the browser still reports
// a CSP violation on every page with a form (and Lighthouse's best practices
// count it). `jitless` skips the probe: the browser only checks a form's few
// fields, and the server, which has no CSP, keeps the fast parser.
//
// Set through the global zod keeps its config in (zod/v4/core/core.js adopts an
// existing one) rather than by importing zod's `config`, which put 5 KB gzipped
// on every page, `/` included. If zod renamed it, the e2e test "the booking and
// sign-in pages raise no CSP violation" fails.
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
zodGlobal.__zod_globalConfig = { ...zodGlobal.__zod_globalConfig, jitless: true };
