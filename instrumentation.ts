// Runs once when the Next.js server starts: a missing variable stops it here,
// with a message naming the variable, rather than on some later request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serverEnv } = await import("./lib/server/env");
    serverEnv();
  }
}
