"use client";

import { useState, useTransition } from "react";
import { changeRoleAction, removeMemberAction, revokeInviteAction } from "@/components/team/actions";
import {
  Badge,
  Button,
  buttonClasses,
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
  Field,
  Select,
  toast,
} from "@/components/ui";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/domain/roles";
import type { ActionResult } from "@/lib/domain/action-result";
import type { MemberSummary, PendingInvite } from "@/lib/domain/clinic-people";
import { DoctorSelect } from "./doctor-select";
import { FormSummary } from "@/components/forms/form-summary";
import { useFormAction } from "@/components/forms/use-form-action";

type DoctorOption = { id: string; name: string; active: boolean };

const expiryFormat = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric" });

function useConfirmedAction() {
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult>, onDone: () => void) =>
    startTransition(async () => {
      const result = await action().catch(() => null);
      if (result?.ok) {
        toast.success(result.message);
        onDone();
      } else {
        toast.error(result?.message ?? "We couldn't reach the server. Please try again.");
      }
    });
  return { pending, run };
}

function ChangeRoleDialog({ member, doctors }: { member: MemberSummary; doctors: DoctorOption[] }) {
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>(member.role);
  const { pending, errors, message, onSubmit, summaryRef, formAction } = useFormAction(changeRoleAction, {
    onSuccess: () => setOpen(false),
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className={buttonClasses({ variant: "secondary", size: "sm" })}>
        Change role<span className="sr-only"> of {member.name || member.email}</span>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Change {member.isYou ? "your" : `${member.name || member.email}'s`} role</DialogTitle>
          {member.isYou && (
            <DialogDescription>If you stop being an admin, you&apos;ll lose access to the settings.</DialogDescription>
          )}
        </DialogHeader>
        <form noValidate onSubmit={onSubmit} action={formAction} className="mt-5 space-y-5">
          <FormSummary message={message} summaryRef={summaryRef} />
          <input type="hidden" name="uid" value={member.uid} />
          <Field label="Role" hint={ROLE_DESCRIPTIONS[role]} error={errors.role}>
            {(props) => (
              <Select {...props} name="role" value={role} onChange={(event) => setRole(event.target.value as Role)}>
                {(["admin", "staff", "doctor"] as const).map((value) => (
                  <option key={value} value={value}>
                    {ROLE_LABELS[value]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {role === "doctor" && (
            <Field label="Which doctor are they?" error={errors.doctorId}>
              {(props) => (
                <DoctorSelect {...props} doctors={doctors} defaultValue={member.doctorId ?? ""} />
              )}
            </Field>
          )}
          <DialogFooter className="mt-0">
            <DialogClose className={buttonClasses({ variant: "secondary" })}>Cancel</DialogClose>
            <Button type="submit" loading={pending}>
              Save role
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RemoveMemberDialog({ member }: { member: MemberSummary }) {
  const [open, setOpen] = useState(false);
  const { pending, run } = useConfirmedAction();
  const who = member.name || member.email;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className={buttonClasses({ variant: "ghost", size: "sm" })}>
        Remove<span className="sr-only"> {who}</span>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{member.isYou ? "Leave this clinic?" : `Remove ${who}?`}</DialogTitle>
          <DialogDescription>
            {member.isYou
              ? "You'll be signed out and lose access right away."
              : "They'll be signed out and lose access right away. Their past work stays. You can invite them again later."}
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose className={buttonClasses({ variant: "secondary" })}>Cancel</DialogClose>
          <Button variant="danger" loading={pending} onClick={() => run(() => removeMemberAction(member.uid), () => setOpen(false))}>
            {member.isYou ? "Leave clinic" : "Remove"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function MembersList({ members, doctors }: { members: MemberSummary[]; doctors: DoctorOption[] }) {
  return (
    <ul className="divide-y divide-slate-200">
      {members.map((member) => (
        <li key={member.uid} className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:gap-6">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <p className="font-semibold text-slate-900">{member.name || member.email}</p>
              {member.isYou && <Badge tone="gray">You</Badge>}
            </div>
            <p className="truncate text-slate-600">{member.email}</p>
          </div>
          <div className="sm:w-48">
            <Badge tone={member.role === "admin" ? "teal" : member.role === "doctor" ? "violet" : "blue"}>
              {ROLE_LABELS[member.role]}
            </Badge>
            {member.doctorName && <p className="mt-1 truncate text-sm text-slate-600">as {member.doctorName}</p>}
          </div>
          <div className="flex shrink-0 flex-wrap gap-2">
            <ChangeRoleDialog member={member} doctors={doctors} />
            <RemoveMemberDialog member={member} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function RevokeInviteButton({ invite }: { invite: PendingInvite }) {
  const { pending, run } = useConfirmedAction();
  return (
    <Button variant="ghost" size="sm" loading={pending} onClick={() => run(() => revokeInviteAction(invite.id), () => undefined)}>
      Withdraw<span className="sr-only"> the invite for {invite.email}</span>
    </Button>
  );
}

export function PendingInvites({ invites }: { invites: PendingInvite[] }) {
  return (
    <ul className="divide-y divide-slate-200">
      {invites.map((invite) => (
        <li key={invite.id} className="flex flex-col gap-2 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:gap-6">
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium text-slate-900">{invite.email}</p>
            <p className="text-sm text-slate-600">
              {ROLE_LABELS[invite.role]}
              {invite.doctorName ? ` · ${invite.doctorName}` : ""} · expires {expiryFormat.format(invite.expiresAt)}
            </p>
          </div>
          <RevokeInviteButton invite={invite} />
        </li>
      ))}
    </ul>
  );
}
