// Clears every document of the test project, through the same REST endpoint
// the official emulator offers, so this works against either server.
export async function clearFirestore(projectId = process.env.GCLOUD_PROJECT ?? "demo-test"): Promise<void> {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  if (!host) throw new Error("FIRESTORE_EMULATOR_HOST is not set");
  const url = `http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`;
  const res = await fetch(url, { method: "DELETE" });
  if (!res.ok) throw new Error(`Clearing Firestore failed: ${res.status} ${await res.text()}`);
}
