import { notFound } from "next/navigation";
import { cachedClinicAccess } from "@/lib/server/clinics/public-clinic";

// Checked in the layout, before anything streams, so an unknown clinic, and one
// whose booking page is not open yet (waiting for an admin's verified email),
// is a real 404 (book/not-found.tsx, which tells the two apart) and not a
// doctor-not-found page below it. It reads the clinic's profile through this
// server's cache, as the pages below do, so it costs them no extra read.
export default async function ClinicLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const access = await cachedClinicAccess((await params).slug);
  if (access.kind !== "open") notFound();
  return children;
}
