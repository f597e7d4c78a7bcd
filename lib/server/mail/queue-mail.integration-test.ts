import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/server/firebase";
import { queueMail } from "./queue-mail";

// The document the Trigger Email extension (firebase/firestore-send-email)
// sends from: `to` plus `message` {subject, text, html, attachments in
// nodemailer's shape}. It ignores other top-level fields, except the ones it
// writes itself: `delivery` (a document that has it counts as already
// handled, so it would never be sent) and `expireAt` (its TTL field).
const triggerEmailDoc = z
  .object({
    to: z.email(),
    message: z
      .object({
        subject: z.string().min(1),
        text: z.string().min(1),
        html: z.string().min(1),
        attachments: z.array(z.object({ filename: z.string(), content: z.string(), contentType: z.string() }).strict()).optional(),
      })
      .strict(),
  })
  .passthrough()
  .refine((doc) => !("delivery" in doc) && !("expireAt" in doc), "the extension's own fields");

describe("queueMail writes the Trigger Email extension's format", () => {
  it("with the meta fields beside it, and nothing the extension owns", async () => {
    const batch = db().batch();
    const id = queueMail(
      batch,
      {
        to: "patient@example.test",
        subject: "Your visit",
        text: "See you on Monday.",
        html: "<p>See you on Monday.</p>",
        attachments: [{ filename: "visit.ics", content: "BEGIN:VCALENDAR", contentType: "text/calendar" }],
      },
      { appointmentId: "appt-1" },
    );
    await batch.commit();
    const stored = (await db().collection("mail").doc(id).get()).data()!;
    expect(triggerEmailDoc.safeParse(stored).error?.issues ?? []).toEqual([]);
    expect(stored.appointmentId).toBe("appt-1");
    expect(stored.createdAt.toDate()).toBeInstanceOf(Date);
  });
});
