import Link from "next/link";
import { buttonClasses, EmptyState, InboxIcon } from "@/components/ui";

/** An unknown id, or a request of another clinic or (for a doctor) another doctor: the same answer. */
export default function RequestNotFound() {
  return (
    <>
      <h1 className="sr-only">Request not found</h1>
      <EmptyState
      icon={<InboxIcon className="size-6" />}
      title="We couldn't find that request"
      description="It may belong to another clinic or doctor, or the link may be incomplete."
      action={
        <Link href="/dashboard/requests" className={buttonClasses({ variant: "secondary" })}>
          Back to requests
        </Link>
      }
      />
    </>
  );
}
