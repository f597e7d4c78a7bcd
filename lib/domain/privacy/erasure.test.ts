import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APPOINTMENT_STATUSES } from "../appointments/status";
import { ERASED, erasedAppointmentFields, erasedVisitFields, isLiveAppointment } from "./erasure";
import { patientEmailSchema } from "./patient-email";

describe("isLiveAppointment", () => {
  it("is live exactly while a request is open or a confirmed visit has not ended", () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPOINTMENT_STATUSES), fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), (status, endMs, nowMs) => {
        const open = status === "pending" || status === "approved" || status === "rescheduled";
        expect(isLiveAppointment({ status, endMs }, nowMs)).toBe(open || (status === "confirmed" && endMs > nowMs));
      }),
    );
  });

  it("lets a visit that ended, and every ended request, be erased", () => {
    expect(isLiveAppointment({ status: "confirmed", endMs: 1000 }, 1000)).toBe(false);
    for (const status of ["declined", "cancelled", "expired"] as const) expect(isLiveAppointment({ status, endMs: 5000 }, 0)).toBe(false);
  });
});

describe("the erased fields", () => {
  it("replace the contact details and reason, and the patient's own cancel reason but not the clinic's", () => {
    expect(erasedAppointmentFields({ cancelReason: "moving away", cancelledBy: undefined })).toEqual({
      patient: { name: ERASED, email: ERASED, phone: ERASED },
      reason: ERASED,
      cancelReason: ERASED,
    });
    expect(erasedAppointmentFields({ cancelReason: "Doctor is ill", cancelledBy: "clinic" })).not.toHaveProperty("cancelReason");
    expect(erasedAppointmentFields({ cancelReason: null })).not.toHaveProperty("cancelReason");
    expect(erasedVisitFields()).toEqual({ patient: { name: ERASED, email: ERASED, phone: ERASED }, reason: ERASED, notes: ERASED });
  });

  it("uses a marker no booking can store as an email, so a later booking never matches an erased one", () => {
    expect(patientEmailSchema.safeParse(ERASED).success).toBe(false);
  });
});

describe("patientEmailSchema", () => {
  it("matches case-insensitively by lower-casing and trimming, like the booking form", () => {
    expect(patientEmailSchema.parse("  Ada@Example.COM ")).toBe("ada@example.com");
    expect(patientEmailSchema.safeParse("ada").success).toBe(false);
  });
});
