/** @type {import('next').NextConfig} */
// The Content-Security-Policy is set per request in proxy.ts (it carries a nonce).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig = {
  poweredByHeader: false,
  // ical-timezones reads its zone files from its own folder at run time, which bundling would break.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@touch4it/ical-timezones"],
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Patient links (/p/...) get no-referrer from proxy.ts instead.
      { source: "/((?!p/).*)", headers: [{ key: "Referrer-Policy", value: "same-origin" }] },
    ];
  },
};

module.exports = nextConfig;
