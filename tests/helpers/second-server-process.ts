import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { SecondServerJob } from "./second-server";

/** tests/helpers/second-server.ts in a process of its own: `book` sends it a batch and resolves with its outcomes. */
export interface SecondServer {
  book(jobs: SecondServerJob[]): Promise<string[]>;
  stop(): void;
}

/** Starts the second server and resolves once it has loaded the app's code (it prints "ready"). */
export function startSecondServer(): Promise<SecondServer> {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const child: ChildProcessWithoutNullStreams = spawn(tsx, ["--conditions=react-server", "tests/helpers/second-server.ts"], { env: process.env });
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  const mark = "second-server: ";
  lines.on("line", (line) => {
    if (line.startsWith(mark)) waiting.shift()?.(line.slice(mark.length));
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push(resolve);
      child.once("exit", (code) => reject(new Error(`The second server exited (${code}): ${stderr}`)));
    });
  const server: SecondServer = {
    async book(jobs) {
      const line = nextLine();
      child.stdin.write(`${JSON.stringify(jobs)}\n`);
      return JSON.parse(await line) as string[];
    },
    stop: () => void child.kill(),
  };
  return nextLine().then((line) => {
    if (line !== "ready") throw new Error(`The second server said "${line}" instead of "ready"`);
    return server;
  });
}
