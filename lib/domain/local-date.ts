import { z } from "zod";
import { parseLocalDate } from "./slots";

/** A calendar date "YYYY-MM-DD" that exists (no Feb 30). */
export const localDateSchema = z
  .string({ error: "Use a date like 2027-03-01" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2027-03-01")
  .refine((value) => parseLocalDate(value) !== null, "That date doesn't exist");

export const dateRangeQuerySchema = z.object({ from: localDateSchema, to: localDateSchema });
