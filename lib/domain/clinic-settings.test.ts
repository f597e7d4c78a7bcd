import { describe, expect, it } from "vitest";
import { slugSchema } from "./slug";
import {
  acceptInviteNewUserSchema,
  clinicProfileSchema,
  inviteSchema,
  memberRoleSchema,
  normalizeTimeZone,
  signInSchema,
  signupSchema,
  suggestSlug,
} from "./clinic-settings";

const profile = {
  name: "  Harbour Clinic ",
  description: "",
  address: "1 Quay St",
  phone: "+1 (555) 010-2030",
  email: "Front@Harbour.Test",
  timezone: "america/new_york",
  currency: "USD",
  fee: "$45.50",
};

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("clinicProfileSchema", () => {
  it("trims, lowercases the email, canonicalises the zone and stores the fee in cents", () => {
    expect(clinicProfileSchema.parse(profile)).toEqual({
      name: "Harbour Clinic",
      description: "",
      address: "1 Quay St",
      phone: "+1 (555) 010-2030",
      email: "front@harbour.test",
      timezone: "America/New_York",
      currency: "USD",
      feeCents: 4550,
    });
  });

  it("accepts a free clinic", () => {
    expect(clinicProfileSchema.parse({ ...profile, fee: "0" }).feeCents).toBe(0);
  });

  it("reads the fee in the chosen currency's minor units", () => {
    expect(clinicProfileSchema.parse({ ...profile, currency: "JPY", fee: "5000" }).feeCents).toBe(5000);
    expect(issues(clinicProfileSchema.safeParse({ ...profile, currency: "JPY", fee: "50.5" }))).toEqual({
      fee: "JPY amounts can't have decimals.",
    });
  });

  it("explains a bad fee, zone, currency and phone on their own fields", () => {
    const result = clinicProfileSchema.safeParse({
      ...profile,
      fee: "",
      timezone: "EST",
      phone: "call us",
      name: " ",
    });
    // An empty fee is reported with the others, not only once they are fixed.
    expect(issues(result)).toEqual({
      name: "Enter the clinic name.",
      timezone: "Choose a time zone from the list, like America/New_York.",
      phone: "Use only digits, spaces and + - ( ) . in the phone number.",
      fee: "Enter the fee, or 0 for free visits.",
    });
    expect(issues(signupSchema.safeParse({ fee: "  " })).fee).toBe("Enter the fee, or 0 for free visits.");
    expect(issues(clinicProfileSchema.safeParse({ ...profile, fee: "" }))).toEqual({
      fee: "Enter the fee, or 0 for free visits.",
    });
    expect(issues(clinicProfileSchema.safeParse({ ...profile, fee: "-5" }))).toEqual({
      fee: "The amount can't be negative.",
    });
    expect(issues(clinicProfileSchema.safeParse({ ...profile, currency: "XYZ" }))).toEqual({
      currency: "Choose a supported currency.",
    });
  });
});

describe("signupSchema", () => {
  const signup = {
    clinicName: "Harbour Clinic",
    slug: " Harbour-Clinic ",
    address: "1 Quay St",
    phone: "555 010 2030",
    email: "front@harbour.test",
    timezone: "Europe/London",
    currency: "GBP",
    fee: "30",
    adminName: "Ada Admin",
    adminEmail: "ADA@harbour.test",
    password: "long enough",
  };

  it("accepts a complete signup", () => {
    const values = signupSchema.parse(signup);
    expect(values.slug).toBe("harbour-clinic");
    expect(values.adminEmail).toBe("ada@harbour.test");
    expect(values.feeCents).toBe(3000);
    expect(values).not.toHaveProperty("fee");
  });

  it("asks for a password of at least 8 characters", () => {
    expect(issues(signupSchema.safeParse({ ...signup, password: "short" }))).toEqual({
      password: "Use at least 8 characters.",
    });
  });

  it("asks for the admin's name in plain words (not \"Enter the your name.\")", () => {
    expect(issues(signupSchema.safeParse({ ...signup, adminName: " " }))).toEqual({ adminName: "Enter your name." });
    expect(issues(signupSchema.safeParse({ ...signup, adminName: "x".repeat(101) }))).toEqual({
      adminName: "Keep your name to 100 characters or fewer.",
    });
    expect(issues(acceptInviteNewUserSchema.safeParse({ name: "", password: "long enough" }))).toEqual({
      name: "Enter your name.",
    });
  });

  it("refuses reserved and malformed slugs", () => {
    expect(issues(signupSchema.safeParse({ ...signup, slug: "dashboard" }))).toEqual({
      slug: "This address is reserved. Please choose another.",
    });
    expect(signupSchema.safeParse({ ...signup, slug: "a--b" }).success).toBe(false);
  });
});

describe("signInSchema", () => {
  it("needs an email and a password, with no length rule on the password", () => {
    expect(signInSchema.parse({ email: " A@B.test ", password: "x" })).toEqual({ email: "a@b.test", password: "x" });
    expect(issues(signInSchema.safeParse({ email: "nope", password: "" }))).toEqual({
      email: "Enter a valid email address, like name@example.com.",
      password: "Enter your password.",
    });
  });
});

describe("inviteSchema and memberRoleSchema", () => {
  it("requires a doctor profile for a doctor", () => {
    expect(issues(inviteSchema.safeParse({ email: "d@x.test", role: "doctor", doctorId: "" }))).toEqual({
      doctorId: "Choose which doctor this person is.",
    });
    expect(inviteSchema.parse({ email: "d@x.test", role: "doctor", doctorId: "dr-1" })).toEqual({
      email: "d@x.test",
      role: "doctor",
      doctorId: "dr-1",
    });
  });

  it("drops a doctor id sent with another role", () => {
    expect(inviteSchema.parse({ email: "s@x.test", role: "staff", doctorId: "dr-1" })).toEqual({
      email: "s@x.test",
      role: "staff",
    });
    expect(memberRoleSchema.parse({ role: "admin", doctorId: "dr-1" })).toEqual({ role: "admin" });
  });

  it("refuses an unknown role", () => {
    expect(issues(memberRoleSchema.safeParse({ role: "owner" }))).toEqual({
      role: "Choose a role: admin, staff or doctor.",
    });
  });
});

describe("normalizeTimeZone", () => {
  it("matches IANA names case-insensitively and accepts UTC", () => {
    expect(normalizeTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(normalizeTimeZone(" UTC ")).toBe("UTC");
  });

  it("refuses abbreviations, offsets and made-up places", () => {
    for (const zone of ["EST", "+05:30", "Mars/Olympus_Mons", "", "America/"]) {
      expect(normalizeTimeZone(zone), zone).toBeNull();
    }
  });
});

describe("suggestSlug", () => {
  it("derives a valid slug from a clinic's name", () => {
    const cases: [string, string][] = [
      ["Harbour Clinic", "harbour-clinic"],
      ["Café Nørd Health & Care", "cafe-nord-health-and-care"],
      ["  St. Mary's  (Downtown) ", "st-mary-s-downtown"],
      ["Dr", "dr-clinic"],
      ["Dashboard", "dashboard-clinic"],
    ];
    for (const [name, slug] of cases) {
      expect(suggestSlug(name)).toBe(slug);
      expect(slugSchema.safeParse(slug).success, slug).toBe(true);
    }
  });

  it("cuts long names at a word boundary within 40 characters", () => {
    const slug = suggestSlug("The Very Long Named Community Health and Wellness Centre of Springfield");
    expect(slug).toBe("the-very-long-named-community-health-and");
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(suggestSlug("Northwestern Comprehensive Paediatric Associates")).toBe("northwestern-comprehensive-paediatric");
  });

  it("returns nothing for a name without letters or digits", () => {
    expect(suggestSlug("!!!")).toBe("");
  });
});
