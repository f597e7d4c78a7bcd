import { NextResponse } from "next/server";
import { AppError } from "@/lib/domain/errors";
import { jsonRoute } from "@/lib/http/json-api";
import { getPublicClinic } from "@/lib/server/clinics/public-clinic";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export const GET = jsonRoute(async (_request: Request, { params }: Context) => {
  const clinic = await getPublicClinic((await params).slug);
  if (!clinic) throw new AppError("not_found", "No clinic has that address.");
  return NextResponse.json(
    {
      slug: clinic.slug,
      name: clinic.name,
      timezone: clinic.timezone,
      feeCents: clinic.feeCents,
      currency: clinic.currency,
      doctors: clinic.doctors.map(({ id, slug, name, specialty, takingBookings }) => ({ id, slug, name, specialty, takingBookings })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});
