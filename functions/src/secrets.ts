// Secrets the functions read, by reference: the values live in Cloud Secret
// Manager (`firebase functions:secrets:set NAME`), never in the repo or the
// bundle. A function that needs one lists it in its `secrets` option, and reads
// `.value()` only while handling a call.
import { defineSecret } from "firebase-functions/params";

export const STRIPE_SECRET_KEY = defineSecret("STRIPE_SECRET_KEY");
export const STRIPE_WEBHOOK_SECRET = defineSecret("STRIPE_WEBHOOK_SECRET");
