import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { HydrationMark } from "@/components/ui/hydration-mark";
import { Toaster } from "@/components/ui/toast";
import { inter } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Clinic booking", template: "%s · Clinic booking" },
  description: "Book a visit with your clinic online.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next.js can put the request's CSP
  // nonce (proxy.ts) on its scripts; a page built ahead of time has none.
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-dvh font-sans">
        {children}
        <Toaster />
        <HydrationMark />
      </body>
    </html>
  );
}
