// What a run is made of: the commands, weighted, and each clinic's settings.
import fc from "fast-check";
import { LATE_CANCELLATION } from "@/lib/domain/cancellation-policy";
import {
  Accept, Advance, Approve, ClinicCancel, ConfirmEmail, Decline, DoctorActive, Erase, ExpirySweep, HoursChanged, PatientCancel, Pay, Propose, Redeliver, Reject, Request, RetryRefunds, Withdraw,
  type LifecycleCommand,
} from "./commands";
import { ApproveMove, DeclineMove, MOVE_TIMES, MoveVisit, WithdrawMove } from "./move-commands";
import { DOCTORS, HOURS_NAMES, TIMES, type HoursName } from "./world";

// Half the time the latest request: a path of several steps on one appointment is then likely.
const i = fc.oneof(fc.constant(-1), fc.nat({ max: 3 }));
const doctor = fc.nat({ max: DOCTORS.length - 1 });
const time = fc.nat({ max: TIMES.length - 1 });
const raw = fc.nat({ max: 4 }).map((n) => n === 0);
const deliveries = fc.nat({ max: 3 });
/**
 * Every command, by name, weighted (by repetition: fc.commands picks
 * uniformly) so a run of 25 reaches approval, payment, proposals and late
 * events often. MODEL_COMMANDS="request,approve,pay,..." keeps only those
 * named, to hunt one path.
 */
const COMMANDS: [name: string, weight: number, arbitrary: fc.Arbitrary<LifecycleCommand>][] = [
  ["request", 4, fc.tuple(doctor, time, raw).map(([d, t, r]) => new Request(d, t, r))],
  ["confirmEmail", 1, i.map((n) => new ConfirmEmail(n))],
  ["approve", 3, i.map((n) => new Approve(n))],
  ["propose", 2, fc.tuple(i, time, raw).map(([n, t, r]) => new Propose(n, t, r))],
  // Propose also replaces a proposal awaiting the patient (the same command on a rescheduled appointment).
  ["withdraw", 1, i.map((n) => new Withdraw(n))],
  ["accept", 1, i.map((n) => new Accept(n))],
  ["reject", 1, i.map((n) => new Reject(n))],
  ["decline", 1, i.map((n) => new Decline(n))],
  // From the request's page (no refund quoted), or from a confirmed visit's page (the refund it showed then).
  ["patientCancel", 1, i.map((n) => new PatientCancel(n, false))],
  ["cancelVisit", 1, i.map((n) => new PatientCancel(n, true))],
  ["clinicCancel", 1, i.map((n) => new ClinicCancel(n))],
  // The patient moves a confirmed visit (held for review, or at once where the run's clinic allows it), and the answers.
  ["moveVisit", 2, fc.tuple(i, fc.nat({ max: MOVE_TIMES.length - 1 })).map(([n, t]) => new MoveVisit(n, t))],
  ["approveMove", 1, i.map((n) => new ApproveMove(n))],
  ["declineMove", 1, i.map((n) => new DeclineMove(n))],
  ["withdrawMove", 1, i.map((n) => new WithdrawMove(n))],
  ["erase", 1, i.map((n) => new Erase(n))],
  ["pay", 3, fc.tuple(i, deliveries).map(([n, k]) => new Pay(n, k, false, false))],
  ["secondIntent", 1, fc.tuple(i, deliveries).map(([n, k]) => new Pay(n, k, true, false))],
  ["payFailure", 1, fc.tuple(i, deliveries).map(([n, k]) => new Pay(n, k, false, true))],
  ["redeliver", 2, fc.tuple(i, fc.nat({ max: 5 })).map(([n, k]) => new Redeliver(n, k))],
  ["expirySweep", 1, fc.constant(new ExpirySweep())],
  ["retryRefunds", 1, fc.constant(new RetryRefunds())],
  ["advance", 2, fc.constantFrom(0.6, 3, 13, 25).map((h) => new Advance(h))],
  ["doctorActive", 1, fc.tuple(doctor, fc.boolean()).map(([d, on]) => new DoctorActive(d, on))],
  ["hoursChanged", 1, fc.tuple(doctor, fc.constantFrom(...HOURS_NAMES)).map(([d, h]) => new HoursChanged(d, h))],
];

function selected(env = process.env): typeof COMMANDS {
  const names = (env.MODEL_COMMANDS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const name of names) if (!COMMANDS.some(([n]) => n === name)) throw new Error(`MODEL_COMMANDS: no command "${name}" (${COMMANDS.map(([n]) => n).join(", ")})`);
  return names.length ? COMMANDS.filter(([n]) => names.includes(n)) : COMMANDS;
}

export const commandArbitraries: fc.Arbitrary<LifecycleCommand>[] = selected().flatMap(([, weight, arbitrary]) => Array.from({ length: weight }, () => arbitrary));

/** The same, for runs that start from a paid visit: the patient's cancel and the clock weigh more (a cancel either side of the free window). */
const VISIT_EXTRA: Record<string, number> = { cancelVisit: 4, advance: 2, moveVisit: 4, approveMove: 2, declineMove: 1, withdrawMove: 1 };
export const visitCommandArbitraries: fc.Arbitrary<LifecycleCommand>[] = selected().flatMap(([name, weight, arbitrary]) =>
  Array.from({ length: weight + (VISIT_EXTRA[name] ?? 0) }, () => arbitrary),
);

/**
 * A paid, confirmed visit to start from: random runs reach one in a few runs
 * of a hundred, so the patient's cancel of a visit (the policy's refund) gets
 * runs of its own that begin with one.
 */
export const paidVisitFirst = (hoursLater: number): LifecycleCommand[] => [
  new Request(0, 0, false),
  new ConfirmEmail(-1),
  new Approve(-1),
  new Pay(-1, 1, false, false),
  // Then anywhere from 50 to 3 hours before the visit, so the free window is open in some runs and closed in others.
  new Advance(hoursLater),
];
export const hoursLater = fc.integer({ min: 0, max: 47 });

/**
 * Each run's clinic: whether it asks patients to confirm their email first, each doctor's hours to begin with, and its
 * cancellation policy. The runs' clock spans 50 to 3 hours before the visits, so a 24- or 48-hour free window closes
 * during many runs; a kept part above the fee refunds nothing.
 */
export const runOptions = fc.record({
  confirmFirst: fc.boolean(),
  hours: fc.tuple(fc.constantFrom<HoursName>("early", "late"), fc.constantFrom<HoursName>("early", "late", "closed")),
  policy: fc.record({
    freeHours: fc.constantFrom(0, 24, 48),
    late: fc.constantFrom(...LATE_CANCELLATION),
    keepCents: fc.constantFrom(1500, 7000),
    movesWithoutReview: fc.boolean(),
  }),
});
