// The variables the app's server code reads, for tests. The project id must
// match the one the Firestore set-up clears.
process.env.GCLOUD_PROJECT ??= "demo-test";
process.env.FIREBASE_PROJECT_ID ??= process.env.GCLOUD_PROJECT;
process.env.FIREBASE_API_KEY ??= "demo-test-key";
process.env.APP_URL ??= "http://localhost:3000";
