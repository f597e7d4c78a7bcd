import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules in eslint.config.mjs, proved to fire: each case lints a
// small file, placed where the rule applies, that breaks (or keeps) it.

const root = fileURLToPath(new URL("..", import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}

describe("layer boundaries", { timeout: 60_000 }, () => {
  it.each([
    ["lib/server", 'import { db } from "@/lib/server/firebase";\nexport const x = db;\n'],
    ["next", 'import { redirect } from "next/navigation";\nexport const x = redirect;\n'],
    ["firebase-admin", 'import { Timestamp } from "firebase-admin/firestore";\nexport const x = Timestamp;\n'],
    ["stripe", 'import Stripe from "stripe";\nexport const x = Stripe;\n'],
    ["React", 'import { useState } from "react";\nexport const x = useState;\n'],
  ])("lib/domain may not import %s", async (_, code) => {
    expect(await restrictedImports("lib/domain/boundary-fixture.ts", code)).toHaveLength(1);
  });

  it("lib/domain may import lib/domain and zod", async () => {
    const code = 'import { z } from "zod";\nimport { isAppError } from "@/lib/domain/errors";\nexport const x = [z, isAppError];\n';
    expect(await restrictedImports("lib/domain/boundary-fixture.ts", code)).toEqual([]);
  });

  it("a component may not import lib/server code", async () => {
    const code = 'import { getCaller } from "@/lib/server/auth/caller";\nexport const x = getCaller;\n';
    expect(await restrictedImports("components/requests/boundary-fixture.tsx", code)).toHaveLength(1);
  });

  it.each([
    ["a .tsx component", "components/requests/boundary-fixture.tsx"],
    ["a component's test", "components/requests/boundary-fixture.test.tsx"],
    ["a .ts helper", "components/forms/boundary-fixture.ts"],
  ])("%s may not import a type from lib/server either", async (_, filePath) => {
    const code = 'import type { AppointmentDoc } from "@/lib/server/appointments/model";\nexport const x: AppointmentDoc | null = null;\n';
    expect(await restrictedImports(filePath, code)).toHaveLength(1);
  });

  it("a component takes its view types from lib/domain and calls its feature's actions", async () => {
    const code =
      'import type { QueueRow } from "@/lib/domain/appointments/views";\nimport { approveRequestAction } from "./actions";\nexport const x: QueueRow | null = null;\nexport const y = approveRequestAction;\n';
    expect(await restrictedImports("components/requests/boundary-fixture.tsx", code)).toEqual([]);
  });

  it.each(["components/requests/actions.ts", "components/requests/review-actions.ts"])("%s, an actions file, calls lib/server verbs and names their types", async (filePath) => {
    const code =
      'import { getCaller } from "@/lib/server/auth/caller";\nimport type { AppointmentDoc } from "@/lib/server/appointments/model";\nexport const x = getCaller;\nexport const y: AppointmentDoc | null = null;\n';
    expect(await restrictedImports(filePath, code)).toEqual([]);
  });

  it("a component may not import from app/", async () => {
    const code = 'import Page from "@/app/(public)/login/page";\nexport const x = Page;\n';
    expect(await restrictedImports("components/auth/boundary-fixture.tsx", code)).toHaveLength(1);
  });

  it.each([
    ["app/", 'import Page from "@/app/(public)/login/page";\nexport const x = Page;\n'],
    ["components/", 'import { Button } from "@/components/ui";\nexport const x = Button;\n'],
  ])("lib/server may not import %s", async (_, code) => {
    expect(await restrictedImports("lib/server/boundary-fixture.ts", code)).toHaveLength(1);
  });

  it("an email is written in lib/server/mail, not beside the verb that sends it", async () => {
    const code = 'import { renderEmail } from "@/lib/server/mail/email-template";\nexport const x = renderEmail;\n';
    expect(await restrictedImports("lib/server/team/boundary-fixture.ts", code)).toHaveLength(1);
    expect(await restrictedImports("lib/server/mail/boundary-fixture.ts", code)).toEqual([]);
    expect(await restrictedImports("lib/server/mail/boundary-fixture.ts", 'import { Button } from "@/components/ui";\nexport const x = Button;\n')).toHaveLength(1);
  });
});
