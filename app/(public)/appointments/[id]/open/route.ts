import { NextResponse, type NextRequest } from "next/server";
import { isAppError } from "@/lib/domain/errors";
import { getPatientAppointment } from "@/lib/server/appointments/patient";
import { appointmentPath, patientCookie } from "@/lib/server/auth/patient-link";

export const dynamic = "force-dynamic";

/**
 * Where /appointments/<id>?t=<token> sends the browser (the page cannot set a
 * cookie while rendering): a valid token becomes the appointment's cookie and
 * the browser is sent on to the clean URL. A wrong token sets nothing, and the
 * clean URL then shows the usual "couldn't find that request" page. Each device
 * exchanges the emailed link on its first visit, so the link works anywhere.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const token = request.nextUrl.searchParams.get("t");
  // "Request sent" banner after booking: the flag survives the exchange, the token does not.
  const target = appointmentPath(id) + (request.nextUrl.searchParams.get("sent") === "1" ? "?sent=1" : "");
  // A relative Location: behind a proxy the request's own host may not be the public one.
  const response = new NextResponse(null, { status: 303, headers: { Location: target, "Cache-Control": "no-store" } });
  try {
    await getPatientAppointment(id, token);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return response;
    throw error;
  }
  response.cookies.set(patientCookie(id, token!));
  return response;
}
