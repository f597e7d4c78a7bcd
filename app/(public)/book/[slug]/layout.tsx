import { notFound } from "next/navigation";
import { slugSchema } from "@/lib/domain/slug";
import { cachedClinicIdForSlug } from "@/lib/server/clinics/clinic-profile";

// Checked in the layout, before anything streams, so an unknown clinic is a
// real 404 (book/not-found.tsx) and not a doctor-not-found page below it. The
// slug document alone answers that (it is written with its clinic and never
// removed); each page below loads only what it shows, so a doctor's page does
// not also read the clinic's whole doctor list.
export default async function ClinicLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const slug = (await params).slug.toLowerCase();
  if (!slugSchema.safeParse(slug).success || !(await cachedClinicIdForSlug(slug))) notFound();
  return children;
}
