import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// For readiness checks (the e2e stack waits on it).
export function GET() {
  return NextResponse.json({ ok: true });
}
