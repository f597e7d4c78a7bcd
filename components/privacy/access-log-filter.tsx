"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Button, Field, Input, Select, buttonClasses } from "@/components/ui";
import { SYSTEM_ACTOR } from "@/lib/domain/privacy/access-log";
import { filterAccessLogAction } from "./actions";

export interface AccessLogMember {
  uid: string;
  name: string;
}

/**
 * The log's filters. They POST (a server action), which answers with the page's address: the member's uid and the
 * patient's key, so a typed email never goes into an address. The download link keeps the same filters.
 */
export function AccessLogFilter({ members, filter, error }: { members: AccessLogMember[]; filter: { member: string; patient: string }; error: string | null }) {
  const [result, action, pending] = useActionState(filterAccessLogAction, null);
  // What is typed: React resets a form after its action, back to its default values.
  const [typed, setTyped] = useState("");
  const failed = result && !result.ok ? (result.fields.patient ?? result.fields.member ?? result.message) : null;
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  const memberOnly = new URLSearchParams(filter.member ? { member: filter.member } : {});
  return (
    <form noValidate action={action} aria-label="Filter the log" className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="sm:w-64">
        <Field label="Member">
          {(props) => (
            <Select {...props} name="member" defaultValue={filter.member}>
              <option value="">Everyone</option>
              {members.map((m) => (
                <option key={m.uid} value={m.uid}>
                  {m.name}
                </option>
              ))}
              <option value={SYSTEM_ACTOR}>System (retention)</option>
            </Select>
          )}
        </Field>
      </div>
      <div className="sm:w-80">
        <Field
          label="Patient email"
          optional
          hint={filter.patient && !failed ? "Showing one patient's entries. Type an email to change it." : undefined}
          error={failed ?? error}
        >
          {(props) => <Input {...props} name="patient" type="email" defaultValue={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" spellCheck={false} />}
        </Field>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="secondary" loading={pending}>
          Filter
        </Button>
        {filter.patient && (
          <Link href={`/dashboard/settings/privacy/access-log${memberOnly.size ? `?${memberOnly}` : ""}`} className={buttonClasses({ variant: "ghost" })}>
            All patients
          </Link>
        )}
        <a href={`/api/privacy/access-log${query.size ? `?${query}` : ""}`} download className={buttonClasses({ variant: "ghost" })}>
          Download CSV
        </a>
      </div>
    </form>
  );
}
