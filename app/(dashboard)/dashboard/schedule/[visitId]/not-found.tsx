import Link from "next/link";
import { CalendarIcon, EmptyState, buttonClasses } from "@/components/ui";

export default function VisitNotFound() {
  return (
    <EmptyState
      icon={<CalendarIcon className="size-6" />}
      title="Visit not found"
      description="It may belong to another doctor, or the link is mistyped. Your schedule lists the visits you can open."
      action={
        <Link href="/dashboard/schedule" className={buttonClasses({ variant: "secondary" })}>
          Go to the schedule
        </Link>
      }
    />
  );
}
