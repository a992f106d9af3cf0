import { NextResponse, type NextRequest } from "next/server";

/**
 * Per-request Content-Security-Policy with a nonce (no 'unsafe-inline'
 * scripts), plus the current path so pages can send a signed-out user to
 * sign-in and back. Not an auth boundary: every page, action and route
 * handler checks the session itself.
 */
export function proxy(request: NextRequest) {
  // The logo route sends its own, stricter policy (default-src 'none'; sandbox): the page policy must not replace it.
  if (request.nextUrl.pathname === "/api/clinic/logo") return NextResponse.next();
  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-stride-path", request.nextUrl.pathname + request.nextUrl.search);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // A patient's link is a secret in the address: never sent on, never indexed, never cached.
  // A printed handout's address may carry a fresh link's token (?link=): keep it out of Referer headers and caches too.
  if (request.nextUrl.pathname.startsWith("/p/") || (request.nextUrl.pathname.endsWith("/print") && request.nextUrl.searchParams.has("link"))) {
    response.headers.set("Referrer-Policy", "no-referrer");
    response.headers.set("X-Robots-Tag", "noindex, nofollow");
    response.headers.set("Cache-Control", "no-store");
  }
  if (request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:")
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|illustrations/).*)" }],
};
