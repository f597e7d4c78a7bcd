/**
 * The patient, for the privacy tools, is one email address within one clinic.
 * Booking lower-cases and trims the address before storing it
 * (booking-request.ts, and "Wrong address?" uses the same schema), so an exact
 * equality query on the same normalisation is exact and case-insensitive; no
 * second, normalised field is needed.
 */
import { z } from "zod";
import { MAX_EMAIL_LENGTH } from "../booking-fields";
import { EMAIL_PATTERN } from "../field-rules";

export const patientEmailSchema = z
  .string({ error: "Enter the patient's email address." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter the patient's email address." })
  .max(MAX_EMAIL_LENGTH, { error: "That email address is too long." })
  .pipe(z.email({ pattern: EMAIL_PATTERN, error: "Enter the whole email address, like name@example.com." }));

export const findPatientSchema = z.object({ email: patientEmailSchema });

export const exportQuerySchema = z.object({
  email: patientEmailSchema,
  format: z.enum(["json", "csv"], { error: "Choose json or csv." }).default("json"),
});
