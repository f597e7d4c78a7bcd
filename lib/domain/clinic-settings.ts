/**
 * Schemas for the staff-side forms: sign-in, clinic signup, the clinic
 * profile, doctors, invites and team roles. One schema per form, used by the
 * browser for live hints and by the server action or route that receives it,
 * so both accept the same input with the same words. The sign-in, password
 * reset and invite forms check in the browser by hand instead
 * (sign-in-check.ts, held to these schemas by its property test), so the
 * sign-in pages do not ship zod.
 *
 * Inputs are the strings a form submits (FormData); outputs are what the
 * server stores (trimmed text, a lowercased email, the fee in minor units).
 */
import { z } from "zod";
import { ACCOUNT_MESSAGES as M, LIMITS, LINE_BREAKING, textMessages } from "./account-fields";
import { EMAIL_PATTERN } from "./field-rules";
import { currencySchema, parseMoneyInput, type CurrencyCode } from "./money";
import { ROLES } from "./roles";
import { RESERVED_SLUGS, slugSchema } from "./slug";
import { zoneForCity } from "./zone-names";

// The limits and words live in account-fields.ts (no zod), which the
// browser's sign-in and invite checks (sign-in-check.ts) read too.
export { LIMITS, LINE_BREAKING } from "./account-fields";

const text = (label: string, max: number) =>
  z
    .string({ error: textMessages(label, max).missing })
    .trim()
    .max(max, { error: textMessages(label, max).tooLong });

const requiredText = (label: string, max: number) => text(label, max).min(1, { error: textMessages(label, max).missing });

/** A required one-line name: no control characters or line separators anywhere in it. */
const nameText = (label: string, max: number) =>
  requiredText(label, max).refine((value) => !LINE_BREAKING.test(value), { error: textMessages(label, max).oneLine });

export const emailSchema = z
  .string({ error: M.emailMissing })
  .trim()
  .toLowerCase()
  .min(1, { error: M.emailMissing })
  .max(LIMITS.email, { error: M.emailTooLong })
  .pipe(z.email({ pattern: EMAIL_PATTERN, error: M.emailInvalid }));

const phoneSchema = z
  .string({ error: "Enter a phone number." })
  .trim()
  .min(1, { error: "Enter a phone number." })
  .max(LIMITS.phone, { error: "That phone number is too long." })
  .regex(/^[0-9 +\-().]+$/, { error: "Use only digits, spaces and + - ( ) . in the phone number." })
  .refine((phone) => {
    // A phone with letters already has the message above; don't pile on.
    if (!/^[0-9 +\-().]+$/.test(phone)) return true;
    const digits = phone.replace(/\D/g, "").length;
    return digits >= 7 && digits <= 20;
  }, { error: "Enter a phone number with 7 to 20 digits, including the area code." });

export const newPasswordSchema = z
  .string({ error: M.newPasswordMissing })
  .min(LIMITS.passwordMin, { error: M.newPasswordTooShort })
  .max(LIMITS.passwordMax, { error: M.newPasswordTooLong });

// At sign-in we only check that something was typed: the length rules belong
// to choosing a password, and the server says "wrong password" either way.
const currentPasswordSchema = z
  .string({ error: M.passwordMissing })
  .min(1, { error: M.passwordMissing })
  .max(LIMITS.passwordMax, { error: M.passwordTooLong });

// ---------------------------------------------------------------- time zones

let zoneIndex: Map<string, string> | undefined;

/** The IANA zones this runtime knows, by lowercase name, for case-insensitive matching. */
function knownZones(): Map<string, string> {
  if (!zoneIndex) {
    const zones = [...Intl.supportedValuesOf("timeZone"), "UTC"];
    zoneIndex = new Map(zones.map((zone) => [zone.toLowerCase(), zone]));
  }
  return zoneIndex;
}

/**
 * "america/new_york" → "America/New_York", "london" → "Europe/London" (a city
 * naming exactly one zone). Accepts region names ("Area/City")
 * and UTC; refuses abbreviations like "EST", which Intl maps to surprising
 * places (EST → America/Panama, no daylight saving) and which patients would
 * misread. Aliases the runtime knows but does not list (Asia/Kolkata on some
 * ICU versions) are kept as typed. Returns null for anything else.
 */
export function normalizeTimeZone(input: string): string | null {
  const value = input.trim();
  const listed = knownZones().get(value.toLowerCase());
  if (listed) return listed;
  // "London", "new york": a city that names exactly one zone.
  const city = zoneForCity(value, [...knownZones().values()]);
  if (city) return city;
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(value)) return null;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value;
  } catch {
    return null;
  }
}

export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .min(1, { error: "Choose a time zone." })
  .transform((value, ctx) => {
    const zone = normalizeTimeZone(value);
    if (!zone) {
      ctx.addIssue({ code: "custom", message: "Choose a time zone from the list, like America/New_York." });
      return z.NEVER;
    }
    return zone;
  });

// --------------------------------------------------------------------- slugs

/**
 * A booking-link address suggested from the clinic's name:
 * "Café Nørd Health & Care" → "cafe-nord-health-care". Always passes
 * `slugSchema` when the name has at least one letter or digit.
 */
export function suggestSlug(name: string): string {
  let slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ø/gi, "o")
    .replace(/æ/gi, "ae")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length > 40) {
    // Cut at the last whole word that fits; a single 40+ letter word is cut hard.
    const cut = slug[40] === "-" ? slug.slice(0, 40) : slug.slice(0, 40).replace(/-[^-]*$/, "");
    slug = cut.length >= 3 ? cut : slug.slice(0, 40);
  }
  slug = slug.replace(/-+$/, "");
  if (slug === "") return "";
  if (slug.length < 3 || RESERVED_SLUGS.has(slug)) slug = `${slug}-clinic`;
  return slug;
}

// ------------------------------------------------------------ clinic profile

const FEE_REQUIRED = "Enter the fee, or 0 for free visits.";

// An empty fee is reported with the other fields (the amount itself is read
// in withFeeCents, which needs the currency and so runs once the rest is valid).
const feeShape = {
  currency: currencySchema,
  fee: z.string({ error: FEE_REQUIRED }).refine((fee) => fee.trim() !== "", { error: FEE_REQUIRED }),
};

/** Turns the typed fee into minor units, reporting problems on the "fee" field. */
function withFeeCents<T extends { currency: CurrencyCode; fee: string }>(value: T, ctx: z.RefinementCtx) {
  const parsed = parseMoneyInput(value.fee, value.currency);
  if (!parsed.ok) {
    const message = parsed.code === "empty" ? FEE_REQUIRED : parsed.message;
    ctx.addIssue({ code: "custom", path: ["fee"], message });
    return z.NEVER;
  }
  const { fee: _fee, ...rest } = value;
  return { ...rest, feeCents: parsed.cents };
}

const contactShape = {
  address: nameText("address", LIMITS.address),
  phone: phoneSchema,
  email: emailSchema,
};

export const clinicProfileSchema = z
  .object({
    name: nameText("clinic name", LIMITS.clinicName),
    description: text("description", LIMITS.description).default(""),
    ...contactShape,
    timezone: timeZoneSchema,
    ...feeShape,
  })
  .transform(withFeeCents);

export type ClinicProfile = z.output<typeof clinicProfileSchema>;

// -------------------------------------------------------------------- signup

export const signupSchema = z
  .object({
    clinicName: nameText("clinic name", LIMITS.clinicName),
    slug: z.string({ error: "Choose an address for your booking link." }).trim().toLowerCase().pipe(slugSchema),
    ...contactShape,
    timezone: timeZoneSchema,
    ...feeShape,
    adminName: nameText("your name", LIMITS.personName),
    adminEmail: emailSchema,
    password: newPasswordSchema,
  })
  .transform(withFeeCents);

export type SignupInput = z.input<typeof signupSchema>;
export type SignupValues = z.output<typeof signupSchema>;

// ------------------------------------------------------------------- sign-in

export const signInSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
});


/** "Forgot password?": just the email. */
export const passwordResetSchema = z.object({ email: emailSchema });

// ------------------------------------------------------------------- doctors

export const doctorProfileSchema = z.object({
  name: nameText("doctor's name", LIMITS.personName),
  specialty: nameText("specialty", LIMITS.specialty),
  bio: text("bio", LIMITS.bio).default(""),
});

export type DoctorProfile = z.output<typeof doctorProfileSchema>;

// --------------------------------------------------------- invites and roles

export const roleSchema = z.enum(ROLES, { error: "Choose a role: admin, staff or doctor." });

const doctorIdSchema = z.string().trim().max(128).optional();

/** A doctor carries the doctor profile they are; no other role does. */
export type DoctorLink = { role: "doctor"; doctorId: string } | { role: "admin" | "staff"; doctorId?: undefined };

/** A doctor must say which doctor profile they are; other roles must not carry one. */
function withDoctorLink<T extends { role: (typeof ROLES)[number]; doctorId?: string }>(
  value: T,
  ctx: z.RefinementCtx,
): Omit<T, "role" | "doctorId"> & DoctorLink {
  const { role, doctorId, ...rest } = value;
  if (role === "doctor") {
    if (!doctorId) {
      ctx.addIssue({ code: "custom", path: ["doctorId"], message: "Choose which doctor this person is." });
      return z.NEVER;
    }
    return { ...rest, role, doctorId };
  }
  return { ...rest, role };
}

export const inviteSchema = z
  .object({ email: emailSchema, role: roleSchema, doctorId: doctorIdSchema })
  .transform(withDoctorLink);

export type InviteValues = z.output<typeof inviteSchema>;

export const memberRoleSchema = z.object({ role: roleSchema, doctorId: doctorIdSchema }).transform(withDoctorLink);

export type MemberRoleValues = z.output<typeof memberRoleSchema>;

export const acceptInviteNewUserSchema = z.object({
  name: nameText("your name", LIMITS.personName),
  password: newPasswordSchema,
});

export const acceptInviteExistingUserSchema = z.object({ password: currentPasswordSchema });
