import { NextResponse } from "next/server";
import { firestoreAnswers } from "@/lib/server/health";

export const dynamic = "force-dynamic";

// For App Hosting's and an uptime checker's probes, and the e2e stack's
// readiness wait: 200 {ok:true} when Firestore answers a read within 1.5 s,
// else 503 {ok:false}. Nothing else: no project id, version or error text.
export async function GET() {
  const ok = await firestoreAnswers();
  return NextResponse.json({ ok }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
