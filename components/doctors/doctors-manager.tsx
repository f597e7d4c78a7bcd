"use client";

import { useState, useTransition } from "react";
import { createDoctorAction, setDoctorActiveAction, updateDoctorAction } from "@/components/doctors/actions";
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
  EmptyState,
  toast,
} from "@/components/ui";
import type { DoctorSummary } from "@/lib/domain/clinic-people";
import { DoctorForm } from "./doctor-form";

function AddDoctorDialog({ variant = "primary" }: { variant?: "primary" | "secondary" }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className={buttonClasses({ variant })}>Add doctor</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a doctor</DialogTitle>
          <DialogDescription>
            They start with weekday hours, 9:00 AM to 5:00 PM, and appear on your booking page right away. You can change
            their hours under Availability.
          </DialogDescription>
        </DialogHeader>
        <div className="mt-5">
          <DoctorForm
            action={createDoctorAction}
            submitLabel="Add doctor"
            onDone={() => setOpen(false)}
            footer={<DialogClose className={buttonClasses({ variant: "secondary" })}>Cancel</DialogClose>}
          />
        </div>
      </DialogContent>
    </Dialog>
  );
}

function EditDoctorDialog({ doctor }: { doctor: DoctorSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className={buttonClasses({ variant: "secondary", size: "sm" })}>
        Edit<span className="sr-only"> {doctor.name}</span>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Edit {doctor.name}</DialogTitle>
        </DialogHeader>
        <div className="mt-5">
          <DoctorForm
            action={updateDoctorAction}
            doctor={doctor}
            submitLabel="Save changes"
            onDone={() => setOpen(false)}
            footer={<DialogClose className={buttonClasses({ variant: "secondary" })}>Cancel</DialogClose>}
          />
        </div>
      </DialogContent>
    </Dialog>
  );
}

function ActiveToggle({ doctor }: { doctor: DoctorSummary }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const run = (active: boolean) =>
    startTransition(async () => {
      const result = await setDoctorActiveAction(doctor.id, active).catch(() => null);
      if (result?.ok) {
        toast.success(result.message);
        setOpen(false);
      } else {
        toast.error(result?.message ?? "We couldn't reach the server. Please try again.");
      }
    });

  if (!doctor.active) {
    return (
      <Button variant="ghost" size="sm" loading={pending} onClick={() => run(true)}>
        Reactivate<span className="sr-only"> {doctor.name}</span>
      </Button>
    );
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className={buttonClasses({ variant: "ghost", size: "sm" })}>
        Deactivate<span className="sr-only"> {doctor.name}</span>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Deactivate {doctor.name}?</DialogTitle>
          <DialogDescription>
            Patients won&apos;t see them on your booking page and can&apos;t request new visits. Appointments already made
            stay as they are. You can reactivate them any time.
          </DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose className={buttonClasses({ variant: "secondary" })}>Cancel</DialogClose>
          <Button variant="danger" loading={pending} onClick={() => run(false)}>
            Deactivate
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function AddDoctorButton() {
  return <AddDoctorDialog />;
}

/** The admin's list of doctors: add, edit, deactivate and reactivate. */
export function DoctorsManager({ doctors }: { doctors: DoctorSummary[] }) {
  if (doctors.length === 0) {
    return (
      <EmptyState
        icon={
          <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round">
            <circle cx="12" cy="8" r="4" />
            <path d="M4 20c1.5-3.5 4.5-5 8-5s6.5 1.5 8 5" />
          </svg>
        }
        title="No doctors yet"
        description="Add your first doctor so patients have someone to book with."
        action={<AddDoctorDialog />}
      />
    );
  }
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      {doctors.map((doctor) => (
        <li key={doctor.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:gap-6">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <p className={doctor.active ? "font-semibold text-slate-900" : "font-semibold text-slate-600"}>{doctor.name}</p>
              {doctor.active ? <Badge tone="green">Active</Badge> : <Badge tone="gray">Inactive</Badge>}
            </div>
            <p className="text-slate-600">{doctor.specialty}</p>
            {doctor.bio && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{doctor.bio}</p>}
          </div>
          <div className="flex shrink-0 flex-wrap gap-2">
            <EditDoctorDialog doctor={doctor} />
            <ActiveToggle doctor={doctor} />
          </div>
        </li>
      ))}
    </ul>
  );
}
