import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // firebase-admin and its gRPC stack must load from node_modules at run time,
  // not be bundled.
  serverExternalPackages: ["firebase-admin", "@google-cloud/firestore"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        // The patient's status link carries its access token in the query
        // string: never send it to another site in a Referer header.
        source: "/appointments/:path*",
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      },
    ];
  },
};

export default nextConfig;
