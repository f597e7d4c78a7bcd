import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // firebase-admin and its gRPC stack must load from node_modules at run time,
  // not be bundled.
  serverExternalPackages: ["firebase-admin", "@google-cloud/firestore"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
