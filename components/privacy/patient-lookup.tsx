"use client";

import { useActionState, useRef, useState } from "react";
import { findPatientAction } from "./actions";
import { PatientRecords } from "./patient-records";
import { PatientSearch } from "./patient-search";

/** Find a patient by email and see what the clinic holds; after an erasure the same search runs again. */
export function PatientLookup() {
  const [result, action, pending] = useActionState(findPatientAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const [typed, setTyped] = useState("");
  const lookup = result?.ok ? result.data : undefined;
  // A failure about the field shows under it; any other (a lost session) as the field's error too: it is the one place
  // this form has for a message.
  const error = result && !result.ok ? (result.fields.email ?? result.message) : null;
  return (
    <>
      <PatientSearch action={action} email={typed} onEmailChange={setTyped} error={error} pending={pending} formRef={formRef} />
      {lookup && <PatientRecords found={lookup.found} onErased={() => formRef.current?.requestSubmit()} />}
    </>
  );
}
