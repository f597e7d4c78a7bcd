// The HTTP/1.1 side of the shared port: the control endpoints of the official
// emulator that our tooling uses.
//   GET /                                                   -> "Ok" (health check)
//   DELETE /emulator/v1/projects/{p}/databases/{d}/documents -> clears that database
import http from "node:http";

const CLEAR_RE = /^\/emulator\/v1\/projects\/([^/]+)\/databases\/([^/]+)\/documents\/?$/;

export function createHttpControl(clearDatabase: (dbName: string) => void): http.Server {
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://local");
    const send = (code: number, body: string, type = "text/plain") => {
      res.writeHead(code, { "content-type": type });
      res.end(body);
    };
    if (req.method === "GET" && url.pathname === "/") return send(200, "Ok");
    const m = CLEAR_RE.exec(url.pathname);
    if (m) {
      if (req.method !== "DELETE") return send(405, "Use DELETE to clear a database");
      const project = decodeURIComponent(m[1] as string);
      const database = decodeURIComponent(m[2] as string);
      clearDatabase(`projects/${project}/databases/${database}`);
      return send(200, "{}", "application/json");
    }
    send(404, `Not found: ${req.method} ${url.pathname}. This port serves gRPC (google.firestore.v1.Firestore), ` +
      "GET / and DELETE /emulator/v1/projects/{p}/databases/{d}/documents");
  });
}
