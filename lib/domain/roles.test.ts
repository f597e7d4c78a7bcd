import { describe, expect, it } from "vitest";
import {
  assertCan,
  can,
  canManageDoctor,
  canViewDoctor,
  dashboardNav,
  describeRole,
  ROLE_DESCRIPTIONS,
  ROLE_INVITATIONS,
  requestScope,
  ROLES,
  type Caller,
  type Permission,
  type Role,
} from "./roles";

const base = { uid: "u1", email: "a@example.com", name: "A", clinicId: "c1", clinicName: "Clinic" };
const admin: Caller = { ...base, role: "admin" };
const staff: Caller = { ...base, uid: "u2", role: "staff" };
const doctor: Caller = { ...base, uid: "u3", role: "doctor", doctorId: "dr-1" };
const unlinkedDoctor: Caller = { ...base, uid: "u4", role: "doctor" };

const ALL: Permission[] = [
  "clinic:read",
  "settings:write",
  "doctors:read",
  "doctors:write",
  "members:read",
  "members:write",
  "requests:review",
];

describe("can", () => {
  it("grants an admin every permission", () => {
    for (const permission of ALL) expect(can(admin, permission), permission).toBe(true);
  });

  it("lets staff read the clinic and review requests, and nothing else", () => {
    const granted = ALL.filter((permission) => can(staff, permission));
    expect(granted).toEqual(["clinic:read", "doctors:read", "requests:review"]);
  });

  it("lets a doctor read the clinic only", () => {
    const granted = ALL.filter((permission) => can(doctor, permission));
    expect(granted).toEqual(["clinic:read"]);
  });

  it("denies everything to an anonymous caller", () => {
    for (const permission of ALL) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });

  it("denies a role it does not know (e.g. a hand-edited member document)", () => {
    const odd = { ...admin, role: "owner" } as unknown as Caller;
    expect(ALL.some((permission) => can(odd, permission))).toBe(false);
  });

  it("only admins may change settings, doctors or the team", () => {
    for (const role of ROLES) {
      const caller = { ...base, role } as Caller;
      expect(can(caller, "settings:write")).toBe(role === "admin");
      expect(can(caller, "doctors:write")).toBe(role === "admin");
      expect(can(caller, "members:write")).toBe(role === "admin");
    }
  });
});

describe("canManageDoctor", () => {
  it("lets an admin manage any doctor", () => {
    expect(canManageDoctor(admin, "dr-1")).toBe(true);
    expect(canManageDoctor(admin, "dr-2")).toBe(true);
  });

  it("lets a doctor manage only their own profile", () => {
    expect(canManageDoctor(doctor, "dr-1")).toBe(true);
    expect(canManageDoctor(doctor, "dr-2")).toBe(false);
  });

  it("never lets a doctor without a linked profile manage one", () => {
    expect(canManageDoctor(unlinkedDoctor, "dr-1")).toBe(false);
    expect(canManageDoctor(unlinkedDoctor, "")).toBe(false);
  });

  it("never lets staff or anonymous callers manage a doctor", () => {
    expect(canManageDoctor(staff, "dr-1")).toBe(false);
    expect(canManageDoctor(null, "dr-1")).toBe(false);
  });
});

describe("canViewDoctor", () => {
  it("lets admins and staff view any doctor, a doctor only themselves", () => {
    expect(canViewDoctor(admin, "dr-2")).toBe(true);
    expect(canViewDoctor(staff, "dr-2")).toBe(true);
    expect(canViewDoctor(doctor, "dr-1")).toBe(true);
    expect(canViewDoctor(doctor, "dr-2")).toBe(false);
    expect(canViewDoctor(null, "dr-1")).toBe(false);
  });
});

describe("dashboardNav", () => {
  const hrefs = (caller: Caller) => dashboardNav(caller).map((item) => item.href);

  it("shows admins every section", () => {
    expect(hrefs(admin)).toEqual([
      "/dashboard",
      "/dashboard/requests",
      "/dashboard/schedule",
      "/dashboard/availability",
      "/dashboard/doctors",
      "/dashboard/closures",
      "/dashboard/calendar-feed",
      "/dashboard/team",
      "/dashboard/settings",
    ]);
  });

  it("gives staff the request queue and the schedule, and hides every settings page", () => {
    expect(hrefs(staff)).toEqual(["/dashboard", "/dashboard/requests", "/dashboard/schedule", "/dashboard/closures"]);
  });

  it("gives a doctor their hours and own profile, but no settings", () => {
    expect(dashboardNav(doctor)).toEqual([
      { href: "/dashboard", label: "Overview" },
      { href: "/dashboard/requests", label: "Requests" },
      { href: "/dashboard/schedule", label: "Schedule" },
      { href: "/dashboard/availability", label: "Availability" },
      { href: "/dashboard/doctors", label: "My profile" },
      { href: "/dashboard/calendar-feed", label: "Calendar feed" },
    ]);
  });

  it("gives a doctor with no linked profile nothing to edit and no requests (the schedule page says how to get linked)", () => {
    expect(hrefs(unlinkedDoctor)).toEqual(["/dashboard", "/dashboard/schedule"]);
  });

  it("shows the number needing review beside Requests, and no number at zero", () => {
    expect(dashboardNav(staff, 3)[1]).toEqual({ href: "/dashboard/requests", label: "Requests", count: 3 });
    expect(dashboardNav(staff, 0)[1]).toEqual({ href: "/dashboard/requests", label: "Requests" });
  });
});

describe("requestScope", () => {
  it("gives staff and admins every doctor's requests, a doctor their own, others none", () => {
    expect(requestScope(admin)).toEqual({ doctorId: null });
    expect(requestScope(staff)).toEqual({ doctorId: null });
    expect(requestScope(doctor)).toEqual({ doctorId: "dr-1" });
    expect(requestScope(unlinkedDoctor)).toBeNull();
    expect(requestScope(null)).toBeNull();
  });
});

describe("assertCan", () => {
  it("says unauthenticated without a caller and forbidden without the permission", () => {
    expect(() => assertCan(null, "clinic:read")).toThrow(expect.objectContaining({ code: "unauthenticated" }));
    expect(() => assertCan(staff, "settings:write")).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => assertCan(admin, "settings:write")).not.toThrow();
  });
});

describe("role descriptions", () => {
  // Each word that promises a feature, and the page that feature lives on.
  const PROMISES: [RegExp, string][] = [
    [/request/i, "/dashboard/requests"],
    [/schedule/i, "/dashboard/schedule"],
    [/hours/i, "/dashboard/availability"],
    [/profile|doctors(?!')/i, "/dashboard/doctors"],
    [/team/i, "/dashboard/team"],
    [/settings/i, "/dashboard/settings"],
  ];
  const typical: Record<Role, Caller> = { admin, staff, doctor };
  // "Can't change settings" promises nothing.
  const positive = (text: string) => text.replace(/Can't [^.]*\./g, "");

  it("promise only what the role's nav has today (team page and invite page)", () => {
    for (const role of ROLES) {
      const nav = hrefs(typical[role]);
      for (const text of [ROLE_DESCRIPTIONS[role], ROLE_INVITATIONS[role]]) {
        for (const [word, page] of PROMISES) {
          if (word.test(positive(text))) expect(nav, `${role}: "${text}" promises ${page}`).toContain(page);
        }
      }
    }
  });

  it("promise every page the role's nav has", () => {
    for (const role of ROLES) {
      for (const page of hrefs(typical[role])) {
        const promise = PROMISES.find(([, p]) => p === page);
        if (promise) expect(positive(ROLE_DESCRIPTIONS[role]), `${role} has ${page}`).toMatch(promise[0]);
      }
    }
  });

  it("drop a claim, by itself, while the nav lacks its page", () => {
    const without = (role: Role, href: string) => hrefs(typical[role]).filter((h) => h !== href);
    expect(describeRole("staff", without("staff", "/dashboard/schedule")).they).toBe(
      "Reviews booking requests and sees the clinic's overview and booking link. Can't change settings or hours.",
    );
    expect(describeRole("doctor", without("doctor", "/dashboard/requests")).you).toBe(
      "You'll see your own schedule and write your visit notes, set your own hours and edit your own profile.",
    );
    expect(describeRole("admin", without("admin", "/dashboard/schedule")).they).toMatch(/booking requests\.$/);
  });

  it("read today as", () => {
    expect(ROLE_DESCRIPTIONS).toEqual({
      admin: "Everything: clinic settings, doctors, doctors' hours, the team, booking requests and every doctor's schedule with visit notes.",
      staff: "Reviews booking requests, sees every doctor's schedule with visit notes and sees the clinic's overview and booking link. Can't change settings or hours.",
      doctor: "Sees their own schedule and writes their visit notes, reviews their booking requests, sets their own hours and edits their own profile.",
    });
  });
});

const hrefs = (caller: Caller) => dashboardNav(caller).map((item) => item.href);
