import { startLocalFirestore } from "./server";
const fs = await startLocalFirestore({ port: 0 });
process.env.FIRESTORE_EMULATOR_HOST = `${fs.host}:${fs.port}`;
const { initializeApp } = await import("firebase-admin/app");
const { getFirestore } = await import("firebase-admin/firestore");
const db = getFirestore(initializeApp({ projectId: "demo-stress" }));
for (let round = 0; round < 5; round++) {
  const ref = db.doc(`s/counter${round}`); await ref.set({ n: 0 });
  let attempts = 0; const t0 = Date.now(); const per: number[] = [];
  const res = await Promise.allSettled(Array.from({ length: 50 }, (_, k) => { per[k] = 0; return db.runTransaction(async (tx) => { attempts++; per[k]!++; const s = await tx.get(ref); tx.update(ref, { n: s.get("n") + 1 }); }); }));
  const hist: Record<number, number> = {}; for (const p of per) hist[p] = (hist[p] ?? 0) + 1; console.log("attempt histogram", JSON.stringify(hist));
  const failed = res.filter((r) => r.status === "rejected");
  console.log(`50x increment: n=${(await ref.get()).get("n")} failed=${failed.length} attempts=${attempts} ${Date.now() - t0}ms`, failed[0] && (failed[0] as PromiseRejectedResult).reason?.message);
  // 50 bookings of distinct slots, each checking its slot by query
  const col = db.collection(`bookings${round}`); const t1 = Date.now(); let a2 = 0;
  const r2 = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => db.runTransaction(async (tx) => { a2++; const q = await tx.get(col.where("slot", "==", i % 25)); if (!q.empty) return false; tx.create(col.doc(), { slot: i % 25 }); return true; })));
  const won = r2.filter((r) => r.status === "fulfilled" && r.value).length;
  console.log(`50x book 25 slots: winners=${won} docs=${(await col.get()).size} failed=${r2.filter((r) => r.status === "rejected").length} attempts=${a2} ${Date.now() - t1}ms`);
}
await db.terminate(); await fs.stop(); process.exit(0);
