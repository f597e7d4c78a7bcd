import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Clinic booking</h1>
      <p className="mt-3 text-slate-600">
        Patients book through their clinic&apos;s link. Staff review each request before it is confirmed.
      </p>
      <p className="mt-6">
        <Link className="font-medium text-primary-700 underline" href="/login">
          Staff sign-in
        </Link>
      </p>
    </main>
  );
}
