import { describe, expect, it } from "vitest";
import { bodyTooLarge, BODY_LIMITS, escapeBadPercentEncoding, isTrustedProxyOn, peerAddress, rewriteForwardingHeaders } from "@/lib/request-guard";

describe("client address before Next sees a request", () => {
  it("without a trusted proxy, drops every forwarding header the client sent and uses the TCP peer", () => {
    const headers: Record<string, string | string[] | undefined> = {
      host: "stride.test",
      "x-forwarded-for": "203.0.113.7, 198.51.100.1",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      "x-forwarded-port": "443",
      forwarded: "for=203.0.113.7",
      "x-real-ip": "203.0.113.8",
    };
    rewriteForwardingHeaders(headers, "192.0.2.10", false);
    expect(headers).toEqual({ host: "stride.test", "x-forwarded-for": "192.0.2.10" });
  });

  it("with a trusted proxy, keeps the proxy's header (its appended hop is last), or falls back to the peer", () => {
    const headers: Record<string, string | undefined> = { "x-forwarded-for": "10.9.9.9, 203.0.113.7", "x-forwarded-proto": "https" };
    rewriteForwardingHeaders(headers, "127.0.0.1", true);
    expect(headers).toEqual({ "x-forwarded-for": "10.9.9.9, 203.0.113.7", "x-forwarded-proto": "https" });
    const bare: Record<string, string | undefined> = {};
    rewriteForwardingHeaders(bare, "127.0.0.1", true);
    expect(bare["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("reads the setting strictly, off unless clearly on", () => {
    for (const on of ["1", "true", "ON", " yes "]) expect(isTrustedProxyOn(on), on).toBe(true);
    for (const off of [undefined, "", "0", "false", "no", "off", "maybe"]) expect(isTrustedProxyOn(off), String(off)).toBe(false);
  });

  it("writes an IPv4 peer on a dual-stack socket as plain IPv4", () => {
    expect(peerAddress("::ffff:192.0.2.4")).toBe("192.0.2.4");
    expect(peerAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(peerAddress(undefined)).toBe("unknown");
  });
});

describe("bodies refused before Next reads them", () => {
  it("caps a patient link's body far below a staff form's", () => {
    expect(bodyTooLarge("/p/abc/log", { "content-length": String(BODY_LIMITS.patientLink) })).toBeNull();
    expect(bodyTooLarge("/p/abc/log", { "content-length": String(BODY_LIMITS.patientLink + 1) })).toBe("too-large");
    expect(bodyTooLarge("/admin/clinic", { "content-length": String(BODY_LIMITS.patientLink + 1) })).toBeNull();
    expect(bodyTooLarge("/admin/clinic", { "content-length": String(BODY_LIMITS.other + 1) })).toBe("too-large");
    expect(bodyTooLarge("/p/abc/log", { "content-length": "lots" })).toBe("too-large");
  });

  it("treats a handout printed with a link like a link page", () => {
    expect(bodyTooLarge("/plans/3/print?link=abc", { "content-length": String(BODY_LIMITS.patientLink + 1) })).toBe("too-large");
    expect(bodyTooLarge("/plans/3/print", { "content-length": String(BODY_LIMITS.patientLink + 1) })).toBeNull();
  });

  it("refuses a body of unknown length where a token may be in the address, lets it through elsewhere, and lets bodiless requests through", () => {
    expect(bodyTooLarge("/p/abc/log", { "transfer-encoding": "chunked" })).toBe("length-required");
    expect(bodyTooLarge("/plans/3/print?x=1&link=abc", { "transfer-encoding": "chunked" })).toBe("length-required");
    // Next forwards a server action to the route that defines it with a streamed (chunked) body.
    expect(bodyTooLarge("/patients/new", { "transfer-encoding": "chunked" })).toBeNull();
    expect(bodyTooLarge("/patients", {})).toBeNull();
  });
});

describe("bad %-escapes in the path", () => {
  it("become literal text in that segment only, so the route answers its own not-found page", () => {
    expect(escapeBadPercentEncoding("/p/%ZZ")).toBe("/p/%25ZZ");
    expect(escapeBadPercentEncoding("/patients/%ZZ?x=%ZZ")).toBe("/patients/%25ZZ?x=%ZZ");
    expect(escapeBadPercentEncoding("/p/%FF/log")).toBe("/p/%25FF/log");
    expect(escapeBadPercentEncoding("/library/%E2%82%AC%")).toBe("/library/%25E2%2582%25AC%25");
  });

  it("leaves good escapes alone", () => {
    for (const url of ["/p/abc%20def", "/patients?q=%C3%A9", "/library/%E2%82%AC", "/"]) expect(escapeBadPercentEncoding(url)).toBe(url);
  });
});
