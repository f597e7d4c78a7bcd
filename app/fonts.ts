import localFont from "next/font/local";

// Inter, served from our own bundle: next/font/google would fetch at build
// time, and the app must build and run offline.
export const inter = localFont({
  // Upright only: nothing the app shows is italic, and every face listed here
  // is preloaded on every page (about 50 KB each, on a phone's slow network).
  src: [{ path: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2", style: "normal" }],
  weight: "100 900",
  variable: "--font-inter",
  display: "swap",
});
