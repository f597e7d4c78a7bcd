// The one region setting: the functions run here (setGlobalOptions in
// index.ts), and docs/deploy.md creates the App Hosting backend, the Firestore
// database and the Trigger Email extension in the same place and gives the
// Stripe webhook URL with it. scripts/deploy-config.test.ts fails when the
// docs or extensions/firestore-send-email.env name another region.
// us-central1 hosts every product we use (App Hosting, Cloud Functions v2,
// Firestore, Cloud Scheduler). To move, change it here and follow the test.
export const REGION = "us-central1";
