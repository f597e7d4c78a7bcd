// A second, independent app server for the limits test: its own Node process,
// its own firebase-admin app and Firestore client, on the same Firestore.
// Reads a JSON list of requests on argv[2], books them all at once, prints
// one outcome per request as JSON on stdout.
// Run with: tsx --conditions=react-server tests/helpers/second-server.ts '<json>'
import { requestAppointment } from "@/lib/server/appointments/request";

interface Job {
  slug: string;
  doctorId: string;
  start: string;
  email: string;
  ip: string;
  now: string;
}

const jobs = JSON.parse(process.argv[2] ?? "[]") as Job[];
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
console.log(JSON.stringify(outcomes.map((o) => (o.status === "fulfilled" ? "ok" : ((o.reason as { code?: string }).code ?? String(o.reason))))));
process.exit(0);
