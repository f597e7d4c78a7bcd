import { Select, buttonClasses } from "@/components/ui";

export type PickerDoctor = { id: string; name: string; active: boolean };

/**
 * For admins: whose hours to edit. A plain GET form (?doctor=<id>), so it
 * works before hydration, and the unsaved-changes prompt covers leaving.
 */
export function DoctorPicker({ doctors, current }: { doctors: PickerDoctor[]; current: string }) {
  return (
    <form method="get" action="/dashboard/availability" className="mb-6 flex flex-wrap items-end gap-3">
      <div className="w-full max-w-xs space-y-1.5">
        <label htmlFor="availability-doctor" className="block text-base font-medium text-slate-900">
          Doctor
        </label>
        <Select id="availability-doctor" name="doctor" defaultValue={current}>
          {doctors.map((doctor) => (
            <option key={doctor.id} value={doctor.id}>
              {doctor.name}
              {doctor.active ? "" : " (inactive)"}
            </option>
          ))}
        </Select>
      </div>
      <button type="submit" className={buttonClasses({ variant: "secondary" })}>
        Show hours
      </button>
    </form>
  );
}
