import { beforeAll } from "vitest";
import { clearFirestore } from "./firestore-clear";

beforeAll(async () => {
  await clearFirestore();
});
