// A second, independent app server for the limits test: its own Node process,
// its own firebase-admin app and Firestore client, on the same Firestore.
// Prints "second-server: ready" once the app's code is loaded; then, for each line of JSON on
// stdin (a list of requests), books them all at once and prints one line: the
// outcome of each request, as JSON. Loading first and booking on demand makes
// the race with the test's own process real even when starting Node is slow.
// Run with: tsx --conditions=react-server tests/helpers/second-server.ts
import { createInterface } from "node:readline";
import { requestAppointment } from "@/lib/server/appointments/request";

export interface SecondServerJob {
  slug: string;
  doctorId: string;
  start: string;
  email: string;
  ip: string;
  now: string;
}

async function book(jobs: SecondServerJob[]): Promise<string[]> {
  const outcomes = await Promise.allSettled(
    jobs.map((j) =>
      requestAppointment(
        j.slug,
        j.doctorId,
        { start: j.start, patient: { name: "Second Server", email: j.email, phone: "+1 555 010 0199" }, reason: "Check-up" },
        { source: "api", ip: j.ip, now: new Date(j.now) },
      ),
    ),
  );
  return outcomes.map((o) => (o.status === "fulfilled" ? "ok" : ((o.reason as { code?: string }).code ?? String(o.reason))));
}

// The app may log lines of its own: ours start with "second-server:".
console.log("second-server: ready");
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "") continue;
  console.log(`second-server: ${JSON.stringify(await book(JSON.parse(line) as SecondServerJob[]))}`);
}
process.exit(0);
