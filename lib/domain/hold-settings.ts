/**
 * The clinic's rules for holding requested times: how long a hold
 * lasts, whether only opening hours count, and how many requests one network
 * address may send per hour. The settings form and its server action share
 * this schema. Inputs are form strings; outputs what clinics/{id} stores.
 */
import { z } from "zod";
import { HOLD_HOURS_MAX, HOLD_HOURS_MIN } from "./hold-deadline";

export const IP_LIMIT_MIN = 1;
export const IP_LIMIT_MAX = 1000;

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .regex(/^\d+$/, { error: `Enter ${label} as a whole number.` })
    .transform(Number)
    .pipe(z.number().min(min, { error: `Use ${min} to ${max}.` }).max(max, { error: `Use ${min} to ${max}.` }));

export const holdSettingsSchema = z.object({
  holdHours: wholeNumber("the hold length in hours", HOLD_HOURS_MIN, HOLD_HOURS_MAX),
  // A checkbox sends "on" when ticked and nothing otherwise.
  holdOpeningHoursOnly: z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true"),
  ipRequestsPerHour: wholeNumber("the number of requests", IP_LIMIT_MIN, IP_LIMIT_MAX),
  requireEmailConfirmation: z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true"),
});

export type HoldSettings = z.output<typeof holdSettingsSchema>;
