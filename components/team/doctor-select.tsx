import type { ComponentProps } from "react";
import { Select } from "@/components/ui";

/** Which doctor profile a member is: the same list when inviting and when changing a role. */
export function DoctorSelect({
  doctors,
  ...props
}: ComponentProps<typeof Select> & { doctors: { id: string; name: string; active: boolean }[] }) {
  return (
    <Select {...props} name="doctorId">
      <option value="" disabled>
        Choose a doctor
      </option>
      {doctors.map((doctor) => (
        <option key={doctor.id} value={doctor.id}>
          {doctor.name}
          {doctor.active ? "" : " (inactive)"}
        </option>
      ))}
    </Select>
  );
}
