/**
 * What the server entry (scripts/server.ts) does to a request before Next
 * sees it. Pure functions over the request's headers, so they can be tested
 * without a socket.
 */

type Headers = Record<string, string | string[] | undefined>;

/** Headers through which a client could claim another address, host or scheme. */
export const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "x-client-ip",
] as const;

export function isTrustedProxyOn(value: string | undefined): boolean {
  return /^(1|true|yes|on)$/i.test((value ?? "").trim());
}

/** Node reports IPv4 peers on a dual-stack socket as ::ffff:a.b.c.d. */
export function peerAddress(remote: string | undefined): string {
  if (!remote) return "unknown";
  return remote.startsWith("::ffff:") && remote.includes(".") ? remote.slice(7) : remote;
}

/**
 * Without a trusted proxy, what the client says about forwarding is dropped
 * and X-Forwarded-For becomes the TCP peer. With one, the proxy's headers
 * stand (its own hop is the last of X-Forwarded-For); if it sent none, the peer is used.
 */
export function rewriteForwardingHeaders(headers: Headers, peer: string, trustedProxy: boolean) {
  if (trustedProxy) {
    if (!headers["x-forwarded-for"]) headers["x-forwarded-for"] = peer;
    return;
  }
  for (const name of FORWARDING_HEADERS) delete headers[name];
  headers["x-forwarded-for"] = peer;
}

/** A patient's tick or pain note is a few hundred bytes; staff forms (a logo) stay under the server actions' 1 MB. */
export const BODY_LIMITS = { patientLink: 64 * 1024, other: 1024 * 1024 } as const;

export type BodyRefusal = "too-large" | "length-required";

/** A patient link's token travels in the path (/p/...) or, on a handout printed with a link, in `?link=`. */
export function mayCarryToken(url: string): boolean {
  return url.startsWith("/p/") || /[?&]link=/.test(url);
}

/**
 * Refuses a body over the limit from its declared length, before any of it
 * is read. On an address that may carry a token, a body without a declared
 * length (chunked) is refused too: Next would log such an address if the body
 * ran past its own limit, and no form of this app sends one there. Elsewhere
 * chunked bodies pass (Next forwards server actions between its own routes that way).
 */
export function bodyTooLarge(url: string, headers: Headers): BodyRefusal | null {
  const limit = mayCarryToken(url) ? BODY_LIMITS.patientLink : BODY_LIMITS.other;
  const length = headers["content-length"];
  if (typeof length === "string" && length.trim() !== "") {
    const n = Number(length);
    return Number.isFinite(n) && n <= limit ? null : "too-large";
  }
  return headers["transfer-encoding"] && mayCarryToken(url) ? "length-required" : null;
}

/** Past this much of a refused body, the connection is cut instead of read to the end. */
export const DISCARD_AT_MOST = 16 * 1024 * 1024;

export function tooLargeAnswer(refusal: BodyRefusal) {
  return refusal === "too-large"
    ? { status: 413, text: "That was too much to send at once. Please go back and try again." }
    : { status: 411, text: "Please send the length of what you send." };
}

/**
 * Next answers a bare 500 when a dynamic route's segment holds a bad
 * %-escape (`/p/%ZZ`, or bytes that are not UTF-8). Such a segment is passed
 * on with its % signs escaped, so the route sees the literal text and
 * answers its usual not-found or inactive page.
 */
export function escapeBadPercentEncoding(url: string): string {
  const q = url.search(/[?#]/);
  const path = q === -1 ? url : url.slice(0, q);
  const rest = q === -1 ? "" : url.slice(q);
  const fixed = path
    .split("/")
    .map((segment) => {
      try {
        decodeURIComponent(segment);
        return segment;
      } catch {
        return segment.replace(/%/g, "%25");
      }
    })
    .join("/");
  return fixed + rest;
}
