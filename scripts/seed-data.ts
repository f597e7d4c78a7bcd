// The demo data: two clinics (three doctors each, plus one in demo-free with no hours set), and three staff logins.
// Fixed ids make the seed idempotent.

type Interval = { start: string; end: string };
const weekdays = (intervals: Interval[]) => ({
  mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals, sat: [], sun: [],
});

export const DEMO_PASSWORD = "demo-password";

export const seedClinics = [
  {
    id: "clinic-demo",
    slug: "demo",
    name: "Demo Family Clinic",
    description: "Family medicine, paediatrics and dermatology in the heart of Brooklyn.",
    address: "120 Atlantic Ave, Brooklyn, NY 11201",
    phone: "+1 (718) 555-0142",
    email: "hello@demo-clinic.test",
    timezone: "America/New_York",
    feeCents: 5000,
    currency: "USD",
    doctors: [
      {
        id: "dr-amara-okafor",
        name: "Dr. Amara Okafor",
        specialty: "Family medicine",
        bio: "Twelve years of family practice, with a focus on preventive care.",
        schedule: { weeklyHours: weekdays([{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }]), slotMinutes: 30, bufferMinutes: 10 },
      },
      {
        id: "dr-lucas-moreau",
        name: "Dr. Lucas Moreau",
        specialty: "Paediatrics",
        bio: "Children's health from newborn checks to teenage sports medicals.",
        schedule: { weeklyHours: weekdays([{ start: "08:30", end: "12:30" }]), slotMinutes: 20, bufferMinutes: 5 },
      },
      {
        id: "dr-priya-raman",
        name: "Dr. Priya Raman",
        specialty: "Dermatology",
        bio: "Skin checks, eczema and acne care for all ages.",
        schedule: { weeklyHours: weekdays([{ start: "10:00", end: "13:00" }, { start: "14:00", end: "18:00" }]), slotMinutes: 45, bufferMinutes: 15 },
      },
    ],
  },
  {
    id: "clinic-demo-free",
    slug: "demo-free",
    name: "Free Community Clinic",
    description: "No-cost primary care for our neighbourhood.",
    address: "8 Elm Street, Springfield, IL 62701",
    phone: "+1 (217) 555-0199",
    email: "care@free-clinic.test",
    timezone: "America/Chicago",
    feeCents: 0,
    currency: "USD",
    doctors: [
      {
        id: "dr-hannah-berg",
        name: "Dr. Hannah Berg",
        specialty: "General practice",
        bio: "Walk-in style primary care, by appointment.",
        schedule: { weeklyHours: weekdays([{ start: "09:00", end: "13:00" }]), slotMinutes: 15, bufferMinutes: 5 },
      },
      {
        id: "dr-samuel-osei",
        name: "Dr. Samuel Osei",
        specialty: "Internal medicine",
        bio: "Chronic conditions, medication reviews and follow-ups.",
        schedule: { weeklyHours: weekdays([{ start: "13:00", end: "17:00" }]), slotMinutes: 30, bufferMinutes: 0 },
      },
      {
        id: "dr-mei-lin",
        name: "Dr. Mei Lin",
        specialty: "Women's health",
        bio: "Screening, contraception and prenatal visits.",
        schedule: { weeklyHours: weekdays([{ start: "10:00", end: "16:00" }]), slotMinutes: 30, bufferMinutes: 10 },
      },
      {
        // No hours set: listed as "Not taking online bookings", with no link to an empty calendar.
        id: "dr-noor-haddad",
        name: "Dr. Noor Haddad",
        specialty: "Paediatrics",
        bio: "Children's check-ups and vaccinations. Please call the clinic to book.",
        schedule: { weeklyHours: weekdays([]), slotMinutes: 30, bufferMinutes: 0 },
      },
    ],
  },
] as const;

export const seedUsers = [
  { uid: "demo-admin", email: "admin@demo.test", displayName: "Alex Admin", clinicId: "clinic-demo", role: "admin" },
  { uid: "demo-staff", email: "staff@demo.test", displayName: "Sam Staff", clinicId: "clinic-demo", role: "staff" },
  { uid: "demo-doctor", email: "doctor@demo.test", displayName: "Dr. Amara Okafor", clinicId: "clinic-demo", role: "doctor", doctorId: "dr-amara-okafor" },
  // Reviews the free clinic's requests (approval confirms at once there).
  { uid: "demo-free-staff", email: "staff@free.test", displayName: "Fran Free", clinicId: "clinic-demo-free", role: "staff" },
  // Writes her own visits' notes in the free clinic's schedule (tests/e2e/schedule.spec.ts).
  { uid: "demo-free-doctor", email: "doctor@free.test", displayName: "Dr. Mei Lin", clinicId: "clinic-demo-free", role: "doctor", doctorId: "dr-mei-lin" },
] as const;
