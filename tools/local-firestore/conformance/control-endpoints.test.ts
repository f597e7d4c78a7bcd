// gRPC and HTTP/1.1 share one port, as with the official emulator: GET / is a
// health check and DELETE .../documents clears one project only.
import { describe, expect, it } from "vitest";
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { freshCollection, projectId, testDb } from "./helpers";

const host = () => process.env.FIRESTORE_EMULATOR_HOST as string;
const otherProject = `${projectId}-other`;
const otherDb = () => getFirestore(getApps().find((a) => a.name === "other") ?? initializeApp({ projectId: otherProject }, "other"));

describe("control endpoints", () => {
  it("GET / answers Ok on the gRPC port", async () => {
    const res = await fetch(`http://${host()}/`);
    expect(res.status).toBe(200);
    expect((await res.text()).trim()).toBe("Ok");
  });

  it("keeps projects apart, and DELETE clears only the named project", async () => {
    const path = `${freshCollection(testDb(), "projects").id}/d`;
    await testDb().doc(path).set({ project: projectId });
    await otherDb().doc(path).set({ project: otherProject });
    expect((await testDb().doc(path).get()).get("project")).toBe(projectId);
    expect((await otherDb().doc(path).get()).get("project")).toBe(otherProject);

    const url = `http://${host()}/emulator/v1/projects/${otherProject}/databases/(default)/documents`;
    const res = await fetch(url, { method: "DELETE" });
    expect(res.ok).toBe(true);
    expect((await otherDb().doc(path).get()).exists).toBe(false);
    expect((await testDb().doc(path).get()).get("project")).toBe(projectId);
  });
});
