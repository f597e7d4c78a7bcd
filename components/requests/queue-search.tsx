import Link from "next/link";
import { Button, Input, Label } from "@/components/ui";
import { queueHref } from "@/lib/domain/request-queue";
import { SEARCH_MAX_LENGTH } from "@/lib/domain/request-search";

/**
 * Find a request by the patient's name or email, open or recent (a paid
 * visit leaves the Open tab once confirmed). A GET form, like the filters:
 * ?q=… can be reloaded and shared, and works before any script loads.
 */
export function QueueSearch({ q, doctorId }: { q: string | null; doctorId: string | null }) {
  return (
    <form role="search" method="get" action="/dashboard/requests" aria-label="Find a request" className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
      {doctorId && <input type="hidden" name="doctor" value={doctorId} />}
      <div className="min-w-0 sm:w-96">
        <Label htmlFor="queue-search">Find a patient</Label>
        <div className="mt-1.5">
          <Input
            id="queue-search"
            name="q"
            type="search"
            defaultValue={q ?? ""}
            maxLength={SEARCH_MAX_LENGTH}
            placeholder="Name or email"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      </div>
      <div className="flex gap-3">
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {q && (
          <Link href={queueHref({ doctorId })} className="inline-flex min-h-11 items-center px-2 font-medium text-primary-800 underline underline-offset-4">
            Clear search
          </Link>
        )}
      </div>
    </form>
  );
}
