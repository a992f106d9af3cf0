import "server-only";
import { headers } from "next/headers";

/** The address patients should open: STRIDE_BASE_URL, or the one this request came in on. */
export async function publicBaseUrl(): Promise<string> {
  if (process.env.STRIDE_BASE_URL) return process.env.STRIDE_BASE_URL.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}
