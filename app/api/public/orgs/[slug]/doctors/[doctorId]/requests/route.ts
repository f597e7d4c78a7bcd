import { NextResponse } from "next/server";
import { bookingApiSchema } from "@/lib/domain/booking-request";
import { jsonRoute, parseJsonBody } from "@/lib/http/json-api";
import { requestAppointment } from "@/lib/server/appointments/request";
import { clientIp } from "@/lib/server/client-ip";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; doctorId: string }> };

export const POST = jsonRoute(async (request: Request, { params }: Context) => {
  const { slug, doctorId } = await params;
  const body = await parseJsonBody(request, bookingApiSchema);
  const ip = clientIp(request.headers);
  const created = await requestAppointment(slug, doctorId, body, { source: "api", ip: ip === "unknown" ? null : ip });
  return NextResponse.json(created, { status: 201, headers: { Location: created.statusUrl, "Cache-Control": "no-store" } });
});
