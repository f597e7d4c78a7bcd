import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // firebase-admin and its gRPC stack must load from node_modules at run time,
  // not be bundled.
  serverExternalPackages: ["firebase-admin", "@google-cloud/firestore"],
  poweredByHeader: false,
  typedRoutes: false,
  // Next.js refuses its dev chunks to origins it doesn't know, so a page opened
  // at http://127.0.0.1:3000 would render without JavaScript.
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  async headers() {
    return [
      // Every response; the Content-Security-Policy (with a per-request nonce) is set in proxy.ts.
      { source: "/:path*", headers: staticSecurityHeaders(process.env.NODE_ENV === "production") },
      {
        // Listed after the general headers so this Referrer-Policy wins here.
        // The patient's status link carries its access token in the query
        // string: a Referer never carries a path from here, to any site. Not
        // "no-referrer": under it a form posted without JavaScript says
        // `Origin: null`, and Next.js refuses such a server action as a
        // cross-site request, so a patient without scripts could not cancel
        // or confirm.
        source: "/appointments/:path*",
        headers: [{ key: "Referrer-Policy", value: "strict-origin" }],
      },
    ];
  },
};

export default nextConfig;
