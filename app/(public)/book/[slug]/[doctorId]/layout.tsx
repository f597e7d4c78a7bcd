import { notFound, redirect } from "next/navigation";
import { doctorPage } from "../data";

// The last segment is the doctor's slug. An old slug, the doctor's id (links
// from before slugs) or another case redirect to the canonical address. Done
// in the layout, outside loading.tsx's Suspense boundary, so the answer is a
// real 307 or 404 rather than a streamed 200. An unknown or inactive doctor
// gets ../not-found.tsx (a link back to the clinic's doctors).
export default async function DoctorLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ slug: string; doctorId: string }>;
}) {
  const { slug, doctorId: segment } = await params;
  const page = await doctorPage(slug, segment);
  if (!page?.bookable) notFound();
  const { path } = page;
  if (path.clinicSlug !== slug || path.doctorSlug !== segment) redirect(`/book/${path.clinicSlug}/${path.doctorSlug}`);
  return children;
}
