import { NextResponse } from "next/server";
import { waitlistJoinSchema } from "@/lib/domain/waitlist";
import { jsonRoute, parseJsonBody } from "@/lib/http/json-api";
import { clientIp } from "@/lib/server/client-ip";
import { joinWaitlist } from "@/lib/server/waitlist/join";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; doctorId: string }> };

/** Join the doctor's waiting list: 201 for a new entry, 200 when the email already waited (updated). */
export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug, doctorId } = await params;
  const body = await parseJsonBody(request, waitlistJoinSchema);
  const ip = clientIp(request.headers);
  const joined = await joinWaitlist(slug, doctorId, body, { ip: ip === "unknown" ? null : ip });
  return NextResponse.json(joined, { status: joined.added ? 201 : 200, headers: { "Cache-Control": "no-store" } });
});
