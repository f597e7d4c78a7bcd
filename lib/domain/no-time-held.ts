/**
 * What staff read about a pending request that holds no time, and why it
 * holds none. Two things lead there, and the staff pages must not confuse
 * them: the patient turned a proposed time down, or staff withdrew their own
 * proposal and the request's original time could not be held again (taken,
 * passed, or not held when the proposal was made). Pure: the queue row, the
 * request's facts and the Decision card all word it from here.
 */
import { holdState } from "./request-queue";
import { MINUTE_MS } from "./slots/local-time";
import { formatDuration, formatSlotInZone } from "./time-format";

/** Why a pending request holds no time; `proposedStart` is the proposed time withdrawn or turned down (null if not recorded). */
export type NoTimeHeldCause =
  | { kind: "withdrawn"; proposedStart: number }
  | { kind: "turned_down"; proposedStart: number | null };

/**
 * Which event left the request without a time. A recorded withdrawal wins:
 * proposing again clears it, and the patient can only turn down a proposal,
 * so while a withdrawal is recorded nothing has happened since. A
 * turned-down time recorded before it is older news.
 */
export function noTimeHeldCause(input: { withdrawnStart: number | null; turnedDownStart: number | null }): NoTimeHeldCause {
  if (input.withdrawnStart !== null) return { kind: "withdrawn", proposedStart: input.withdrawnStart };
  return { kind: "turned_down", proposedStart: input.turnedDownStart };
}

/** The one line for the queue row and the Decision card: what happened, and what staff can do now. */
export const PATIENT_DECLINED_PROPOSAL = "Patient declined the new time — propose another or decline";
export const PROPOSAL_WITHDRAWN_NO_TIME = "Proposal withdrawn — no time held; propose a time or decline";

export const noTimeHeldHeadline = (cause: NoTimeHeldCause) => (cause.kind === "withdrawn" ? PROPOSAL_WITHDRAWN_NO_TIME : PATIENT_DECLINED_PROPOSAL);

export interface NoTimeHeldWords {
  /** The headline: PATIENT_DECLINED_PROPOSAL or PROPOSAL_WITHDRAWN_NO_TIME. */
  headline: string;
  /** The label for the fact naming the time: "Turned down" or "Withdrawn". */
  label: string;
  /** Which proposed time that was, and who set it aside. */
  what: string;
  /** That no time is held, and when the request lapses unless staff act. */
  hold: string;
  /** The request lapses within 2 hours (or has lapsed): shown red. */
  urgent: boolean;
}

export function noTimeHeldWords(input: { cause: NoTimeHeldCause; expiresAt: number | null; timeZone: string; now: number }): NoTimeHeldWords {
  const { cause, expiresAt, timeZone, now } = input;
  const time = cause.proposedStart !== null ? formatSlotInZone(cause.proposedStart, timeZone, { now }) : null;
  const said =
    cause.kind === "withdrawn"
      ? { headline: noTimeHeldHeadline(cause), label: "Withdrawn", what: `The clinic withdrew its proposal of ${time}` }
      : {
          headline: noTimeHeldHeadline(cause),
          label: "Turned down",
          what: time ? `The patient turned down ${time}` : "The patient turned down the proposed time",
        };
  const hold = holdState(expiresAt, now);
  if (hold.kind === "none") return { ...said, hold: "No time is held.", urgent: false };
  if (hold.kind === "lapsed") return { ...said, hold: "No time is held, and the request has lapsed: it expires at the next check.", urgent: true };
  const at = formatSlotInZone(expiresAt!, timeZone, { now });
  return {
    ...said,
    hold: `No time is held. Unless you propose another time or decline, the request expires ${at} (in ${formatDuration(Math.ceil(hold.ms / MINUTE_MS) * MINUTE_MS)}).`,
    urgent: hold.urgent,
  };
}

/**
 * Why a withdrawn proposal's original time could not be held again (recorded
 * by the withdrawal): another booking took it, it has passed, or the request
 * held no time when the proposal was made (it stood with none before).
 */
export type OriginalTimeLost = "taken" | "passed" | "not_held";

/** The patient's sentence for it (status page and email); `lost` null on withdrawals recorded before the reason was. */
export function originalTimeLostWords(lost: OriginalTimeLost | null, original: string): string {
  switch (lost) {
    case "taken":
      return `Your original time, ${original}, has since been taken, so no time is held for you now.`;
    case "passed":
      return `Your original time, ${original}, has passed, so no time is held for you now.`;
    case "not_held":
      return "Your request is back where it stood before that proposal: no time is held for you.";
    case null:
      return `Your original time, ${original}, is no longer available, so no time is held for you now.`;
  }
}

/** The history note staff read for the same outcome. */
export function originalTimeLostNote(lost: OriginalTimeLost, original: string): string {
  switch (lost) {
    case "taken":
      return `The original time, ${original}, is no longer free: no time is held.`;
    case "passed":
      return `The original time, ${original}, has passed: no time is held.`;
    case "not_held":
      return "The request held no time when the proposal was made: no time is held.";
  }
}
