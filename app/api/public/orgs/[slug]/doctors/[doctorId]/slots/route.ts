import { NextResponse } from "next/server";
import { dateRangeQuerySchema } from "@/lib/domain/local-date";
import { jsonRoute, parseQuery } from "@/lib/http/json-api";
import { listFreeSlots } from "@/lib/server/booking/free-slot-reader";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; doctorId: string }> };

export const GET = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug, doctorId } = await params;
  const { from, to } = parseQuery(dateRangeQuerySchema, new URL(request.url));
  const result = await listFreeSlots(slug, doctorId, from, to);
  // Availability changes with every booking: never cache it.
  return NextResponse.json(result, { headers: { "Cache-Control": "no-store" } });
});
