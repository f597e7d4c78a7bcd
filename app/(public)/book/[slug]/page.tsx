import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPublicClinic } from "@/lib/server/clinics";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const clinic = await getPublicClinic((await params).slug);
  return { title: clinic ? `Book with ${clinic.name}` : "Clinic not found" };
}

export default async function ClinicPage({ params }: Props) {
  const clinic = await getPublicClinic((await params).slug);
  if (!clinic) notFound();

  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">{clinic.name}</h1>
      {clinic.description && <p className="mt-2 text-slate-600">{clinic.description}</p>}
      <h2 className="mt-8 text-lg font-medium">Choose a doctor</h2>
      <ul className="mt-4 grid gap-4 sm:grid-cols-2">
        {clinic.doctors.map((doctor) => (
          <li key={doctor.id} className="rounded-xl border border-slate-200 bg-white p-5">
            <p className="font-medium">{doctor.name}</p>
            <p className="text-sm text-slate-600">{doctor.specialty}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
