import { PublicShell } from "@/components/booking/public-shell";
import { ERASED_NOTICE } from "@/lib/domain/privacy/erasure";

/** The status page of a request whose details were erased: the clinic and that sentence, nothing of the request. */
export function ErasedRequest({ clinic }: { clinic: { name: string; slug: string; phone: string; email: string } }) {
  return (
    <PublicShell clinic={{ name: clinic.name, slug: clinic.slug }}>
      <section aria-labelledby="erased-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-xs sm:p-6">
        <h1 id="erased-heading" className="text-2xl font-semibold tracking-tight text-slate-900">
          {ERASED_NOTICE}
        </h1>
        <p className="mt-3 text-base text-slate-700">
          {clinic.name} keeps only what the law and its accounts require, such as the date and any payment. For questions, contact the clinic
          {clinic.email ? (
            <>
              {" "}
              at <a className="text-primary-800 underline" href={`mailto:${clinic.email}`}>{clinic.email}</a>
            </>
          ) : null}
          .
        </p>
      </section>
    </PublicShell>
  );
}
