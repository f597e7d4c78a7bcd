// Public API of the slot engine. Import from "@/lib/domain/slots".

export type {
  AvailabilityInput,
  DateOverride,
  DoctorSchedule,
  LocalDate,
  LocalInterval,
  Slot,
  SlotQuery,
  UtcInterval,
  UtcMs,
  Weekday,
  WeeklyHours,
} from "./types";
export { WEEKDAYS } from "./types";
export { computeFreeSlots, isBookableStart } from "./free-slots";
export { parseIsoInstant, slotToIso, toIsoUtc } from "./iso";
export { GRANULE_MINUTES, GRANULE_MS, granuleKey, granulesToBusyIntervals, lockGranuleStarts } from "./lock-granules";
export {
  SCHEDULE_LIMITS,
  dateOverrideSchema,
  dayIntervalsSchema,
  doctorScheduleSchema,
  doctorScheduleSchemaAt,
  localIntervalSchema,
  validateDoctorSchedule,
  type DoctorScheduleInput,
  type ScheduleValidation,
} from "./schedule-schema";
export { isKnownTimeZone, localDayNumberAt, resolveWallTime, zoneOffsetAt, type WallTimeResolution } from "./zone-offsets";
export { DAY_MS, HOUR_MS, MINUTE_MS, dayNumberToLocalDate, localDateToDayNumber, parseLocalDate } from "./local-time";
