// Runs in the browser before the app's own code (Next.js loads it first).
//
// zod compiles a faster parser with `new Function` where it may, and probes for
// that when the first object schema is built. Our CSP has no 'unsafe-eval', so
// the probe is refused; zod catches the refusal, but the browser still reports
// a CSP violation on every page with a form (and Lighthouse's best practices
// count it). `jitless` skips the probe: the browser only checks a form's few
// fields, and the server, which has no CSP, keeps the fast parser.
// zod/v4/core's config alone: importing "zod" here would put all of zod on every page.
import { config } from "zod/v4/core";

config({ jitless: true });
