// A small process supervisor for the dev runner and the e2e stack: prefixed
// logs, readiness checks, and a shutdown that leaves nothing running.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import readline from "node:readline";

const COLORS = [36, 35, 33, 32, 34, 91, 96];

export interface Child {
  name: string;
  proc: ChildProcess;
  exited: Promise<number | null>;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; quiet?: boolean; index?: number } = {},
): Child {
  // detached: the child leads its own process group, so stopping it also
  // stops whatever it spawned (the Functions emulator's workers, say).
  const proc = spawn(command, args, { env: opts.env ?? process.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const color = COLORS[(opts.index ?? 0) % COLORS.length];
  const prefix = process.stdout.isTTY ? `\x1b[${color}m[${name}]\x1b[0m` : `[${name}]`;
  for (const stream of [proc.stdout, proc.stderr]) {
    if (!stream) continue;
    const lines = readline.createInterface({ input: stream });
    lines.on("line", (line) => {
      if (!opts.quiet && line.trim()) console.log(`${prefix} ${line}`);
    });
  }
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { name, proc, exited };
}

function signalGroup(child: Child, signal: NodeJS.Signals) {
  if (child.proc.pid === undefined || child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  try {
    process.kill(-child.proc.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** SIGTERM every group, then SIGKILL whatever is still there after `graceMs`. */
export async function stopAll(children: Child[], graceMs = 5000): Promise<void> {
  for (const child of children) signalGroup(child, "SIGTERM");
  const timeout = new Promise((resolve) => setTimeout(resolve, graceMs));
  await Promise.race([Promise.all(children.map((c) => c.exited)), timeout]);
  for (const child of children) {
    if (child.proc.pid === undefined) continue;
    try {
      process.kill(-child.proc.pid, "SIGKILL");
    } catch {
      // Already stopped, as it should be.
    }
  }
}

// Three minutes: the Auth emulator once took over 60 s to answer with the machine's load at 25 on two cores. A child
// that dies is noticed at once by the callers (they race this against its exit), so only a real hang waits this long.
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

export const httpOk = (url: string) => async () => (await fetch(url)).status < 500;

export const portOpen = (host: string, port: number) => () =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, host);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
