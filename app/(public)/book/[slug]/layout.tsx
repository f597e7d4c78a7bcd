import { notFound } from "next/navigation";
import { clinicBySlug } from "./data";

// Checked in the layout, before anything streams, so an unknown clinic is a
// real 404 (book/not-found.tsx) and not a doctor-not-found page below it.
export default async function ClinicLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const clinic = await clinicBySlug((await params).slug.toLowerCase());
  if (!clinic) notFound();
  return children;
}
