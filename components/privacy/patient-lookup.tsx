"use client";

import { useActionState, useRef } from "react";
import { findPatientAction, type PatientLookupState } from "./actions";
import { PatientRecords } from "./patient-records";
import { PatientSearch } from "./patient-search";

const NOTHING_YET: PatientLookupState = { email: "", found: null, error: null };

/** Find a patient by email and see what the clinic holds; after an erasure the same search runs again. */
export function PatientLookup() {
  const [state, action, pending] = useActionState(findPatientAction, NOTHING_YET);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <>
      <PatientSearch action={action} email={state.email} error={state.error} pending={pending} formRef={formRef} />
      {state.found && <PatientRecords found={state.found} onErased={() => formRef.current?.requestSubmit()} />}
    </>
  );
}
