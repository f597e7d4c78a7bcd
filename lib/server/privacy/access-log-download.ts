import "server-only";
import { accessLogCsv, type AccessLogFilter } from "@/lib/domain/privacy/access-log";
import { assertCan, type Caller } from "@/lib/domain/roles";
import { appNow } from "@/lib/server/clock";
import { listMembers } from "@/lib/server/team/members";
import { DOWNLOAD_LIMIT, listAccessLog } from "./access-log";

/** The log as CSV with members' names beside their uids (a removed member shows as "removed member"). */
export async function accessLogDownload(caller: Caller | null, filter: AccessLogFilter): Promise<{ body: string; filename: string }> {
  assertCan(caller, "accessLog:read");
  const [entries, members] = await Promise.all([listAccessLog(caller, filter, DOWNLOAD_LIMIT), listMembers(caller)]);
  const names = new Map(members.map((m) => [m.uid, m.name || m.email]));
  const nameOf = (uid: string) => (uid === "system" ? "System" : (names.get(uid) ?? "removed member"));
  return { body: accessLogCsv(entries, nameOf), filename: `access-log-${appNow().toISOString().slice(0, 10)}.csv` };
}
