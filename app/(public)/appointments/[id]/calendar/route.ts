import type { NextRequest } from "next/server";
import { isAppError } from "@/lib/domain/errors";
import { getPatientIcs } from "@/lib/server/appointments/patient";
import { PATIENT_COOKIE } from "@/lib/server/auth/patient-link";

export const dynamic = "force-dynamic";

/**
 * "Add to calendar" on the status page of a confirmed visit: the .ics file,
 * for the browser that holds the appointment's cookie (the emailed link,
 * exchanged). Anything else is the same plain 404 as a wrong link.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const { filename, ics } = await getPatientIcs(id, request.cookies.get(PATIENT_COOKIE)?.value);
    return new Response(ics, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") {
      return new Response("We couldn't find that appointment. Please open the link from your email again.", {
        status: 404,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
    }
    throw error;
  }
}
