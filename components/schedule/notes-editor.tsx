"use client";

import { useEffect, useId, useState } from "react";
import { saveVisitNotesAction, type SaveNotesResult } from "@/components/schedule/actions";
import { unreachable } from "@/lib/domain/action-result";
import { Button, cn } from "@/components/ui";
import { NOTES_MAX, NOTES_TOO_LONG } from "@/lib/domain/visits";

// Autosaving notes that never lose typed text: every keystroke goes to
// sessionStorage at once and stays there until the server confirms that
// exact text; a failed save keeps the text in the box and retries with
// back-off; a save that lost a race with another tab (the version moved on)
// says so and keeps the local text, offering to save it over theirs.

const DEBOUNCE_MS = 800;
const RETRY_MS = [2_000, 4_000, 8_000, 15_000, 30_000];

type State =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "retrying" }
  | { kind: "too_long" }
  | { kind: "conflict"; message: string; currentVersion: number | null }
  | { kind: "rejected"; message: string };

interface Draft {
  text: string;
  baseVersion: number;
}

const draftKey = (id: string) => `visit-notes:${id}`;

function readDraft(id: string): Draft | null {
  try {
    const raw = sessionStorage.getItem(draftKey(id));
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && typeof draft.text === "string" && Number.isInteger(draft.baseVersion) ? draft : null;
  } catch {
    return null;
  }
}

function writeDraft(id: string, draft: Draft | null) {
  try {
    if (draft) sessionStorage.setItem(draftKey(id), JSON.stringify(draft));
    else sessionStorage.removeItem(draftKey(id));
  } catch {
    // Storage full or blocked: the text is still in the box and the leave warning still guards it.
  }
}

/**
 * The saving machinery outside React's render: what the server has, the
 * version it is at, the debounce and retry timer. The component hands it
 * its two setters.
 */
class NotesSaver {
  text: string;
  savedText: string;
  version: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private inFlight = false;
  /** A conflict or a refused save waits for the person. */
  blocked = false;
  conflictVersion: number | null = null;

  constructor(
    readonly visitId: string,
    initialNotes: string,
    initialVersion: number,
    private readonly show: (state: State) => void,
    private readonly setText: (text: string) => void,
  ) {
    this.text = initialNotes;
    this.savedText = initialNotes;
    this.version = initialVersion;
  }

  get unsaved(): boolean {
    return this.text !== this.savedText;
  }

  private later(delay: number) {
    this.stop();
    this.timer = setTimeout(() => void this.save(), delay);
  }

  stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** A draft from before a reload (a failed save, or a closed tab) comes back into the box. */
  restore() {
    const draft = readDraft(this.visitId);
    if (!draft || draft.text === this.savedText) return writeDraft(this.visitId, null);
    this.text = draft.text;
    this.setText(draft.text);
    if (draft.baseVersion === this.version) return this.later(0);
    this.blocked = true;
    this.conflictVersion = this.version;
    this.show({
      kind: "conflict",
      message: "These notes were saved elsewhere after your unsaved text was typed. Your text is kept here: save yours over theirs, or copy it and reload.",
      currentVersion: this.version,
    });
  }

  edit(value: string, wasRejected: boolean) {
    this.text = value;
    this.setText(value);
    writeDraft(this.visitId, { text: value, baseVersion: this.version });
    if (wasRejected) this.blocked = false; // a new edit may fix what was refused
    if (this.blocked) return;
    this.attempt = 0;
    if (value.length > NOTES_MAX) {
      this.stop();
      return this.show({ kind: "too_long" });
    }
    this.show({ kind: "saving" });
    this.later(DEBOUNCE_MS);
  }

  overwrite(currentVersion: number) {
    this.version = currentVersion;
    this.blocked = false;
    void this.save();
  }

  async save(): Promise<void> {
    if (this.inFlight || this.blocked) return;
    const sending = this.text;
    if (sending === this.savedText) return this.show({ kind: "saved" });
    if (sending.length > NOTES_MAX) return this.show({ kind: "too_long" });
    this.inFlight = true;
    this.show({ kind: "saving" });
    let result: SaveNotesResult;
    try {
      result = await saveVisitNotesAction({ id: this.visitId, notes: sending, expectedVersion: this.version });
    } catch {
      result = unreachable("Not saved — retrying");
    }
    this.inFlight = false;
    if (result.ok && result.data) {
      this.attempt = 0;
      this.version = result.data.notesVersion;
      this.savedText = sending;
      if (this.text === sending) {
        writeDraft(this.visitId, null);
        this.show({ kind: "saved" });
      } else {
        writeDraft(this.visitId, { text: this.text, baseVersion: this.version });
        this.later(DEBOUNCE_MS);
      }
      return;
    }
    if (result.ok) return;
    if (result.code === "conflict") {
      this.blocked = true;
      const currentVersion = Number(result.fields.notesVersion);
      return this.show({ kind: "conflict", message: result.message, currentVersion: Number.isInteger(currentVersion) ? currentVersion : null });
    }
    if (result.code !== "unavailable" && result.code !== "internal") {
      this.blocked = true;
      return this.show({ kind: "rejected", message: result.message });
    }
    this.show({ kind: "retrying" });
    const delay = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)]!;
    this.attempt += 1;
    this.later(delay);
  }
}

export function NotesEditor({ visitId, initialNotes, initialVersion }: { visitId: string; initialNotes: string; initialVersion: number }) {
  const [text, setText] = useState(initialNotes);
  const [state, setState] = useState<State>({ kind: "saved" });
  const [saver] = useState(() => new NotesSaver(visitId, initialNotes, initialVersion, setState, setText));
  const statusId = useId();

  useEffect(() => {
    saver.restore();
    // Warn before leaving while the server doesn't have exactly what is in the box.
    const warn = (event: BeforeUnloadEvent) => {
      if (saver.unsaved) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      saver.stop();
    };
  }, [saver]);

  function saveMineAnyway() {
    if (state.kind === "conflict" && state.currentVersion !== null) saver.overwrite(state.currentVersion);
  }

  const over = text.length > NOTES_MAX;
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={`${statusId}-notes`} className="text-base font-medium text-slate-900">
          Visit notes
        </label>
        <p id={statusId} role="status" className={cn("text-sm font-medium", STATUS_CLASSES[state.kind])}>
          {STATUS_TEXT[state.kind]}
        </p>
      </div>
      <textarea
        id={`${statusId}-notes`}
        value={text}
        onChange={(event) => saver.edit(event.target.value, state.kind === "rejected")}
        rows={10}
        aria-describedby={`${statusId} ${statusId}-count`}
        aria-invalid={over || undefined}
        className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-xs focus:border-primary-600 focus:ring-2 focus:ring-primary-600/30 focus:outline-none aria-invalid:border-red-600"
      />
      <p id={`${statusId}-count`} className={cn("text-sm tabular-nums", over ? "font-medium text-red-700" : "text-slate-600")}>
        {text.length.toLocaleString("en-US")} / {NOTES_MAX.toLocaleString("en-US")} characters
      </p>
      {state.kind === "too_long" && <p className="text-sm font-medium text-red-700">{NOTES_TOO_LONG}</p>}
      {(state.kind === "conflict" || state.kind === "rejected") && (
        <div role="alert" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p>{state.message}</p>
          {state.kind === "conflict" && state.currentVersion !== null && (
            <Button size="sm" variant="secondary" onClick={saveMineAnyway}>
              Save mine over theirs
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

const STATUS_TEXT: Record<State["kind"], string> = {
  saved: "Saved",
  saving: "Saving…",
  retrying: "Not saved — retrying",
  too_long: "Not saved — too long",
  conflict: "Not saved — changed elsewhere",
  rejected: "Not saved",
};

const STATUS_CLASSES: Record<State["kind"], string> = {
  saved: "text-green-800",
  saving: "text-slate-600",
  retrying: "text-red-700",
  too_long: "text-red-700",
  conflict: "text-amber-800",
  rejected: "text-red-700",
};
