import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Stride", template: "%s · Stride" },
  description: "Rehab plans for physical-therapy and chiropractic clinics",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so each gets the CSP nonce from proxy.ts.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
