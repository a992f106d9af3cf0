import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/db/queries/audit";
import { getClinicLogo, getClinicProfile, getClinicSettings, removeClinicLogo, setClinicLogo, updateClinicProfile } from "@/db/queries/clinic";
import { sessionLimits } from "@/db/queries/session";
import { ForbiddenError } from "@/lib/authz";
import { RuleError } from "@/lib/errors";
import { checkLogo, LOGO_MAX_BYTES } from "@/lib/logo";
import { clinicProfileSchema } from "@/lib/schemas/clinic";
import { admin, staff, uniqueName } from "./helpers";

/** The form as the browser sends it: every value a string. */
const form = (over: Record<string, string> = {}) => ({
  name: "Lakeside Physio",
  phone: "+1 (555) 010-2000",
  email: "desk@lakeside.example",
  address: "4 Shore Road",
  website: "https://lakeside.example",
  timeZone: "Europe/Berlin",
  handoutFooter: "We are glad to help.",
  idleTimeoutMinutes: "20",
  absoluteTimeoutHours: "10",
  quietDaysFlag: "4",
  ...over,
});

const errorsFor = (over: Record<string, string>) => {
  const result = clinicProfileSchema.safeParse(form(over));
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => i.path.join("."));
};

// Detection is by magic bytes, so a PNG signature and an IHDR chunk are enough.
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000dIHDR00010001", "hex"),
  Buffer.alloc(16, 7),
]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const webp = Buffer.concat([Buffer.from("RIFF"), Buffer.from([40, 0, 0, 0]), Buffer.from("WEBPVP8 "), Buffer.alloc(8)]);
const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
const svg = Buffer.from('\uFEFF\n  <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe("clinic profile", () => {
  it("lets an admin save the profile and session limits", () => {
    const name = uniqueName("Lakeside Physio");
    updateClinicProfile({ actor: admin, input: clinicProfileSchema.parse(form({ name })) });
    expect(getClinicProfile({ actor: staff })).toEqual({
      name,
      phone: "+1 (555) 010-2000",
      email: "desk@lakeside.example",
      address: "4 Shore Road",
      website: "https://lakeside.example",
      timeZone: "Europe/Berlin",
      handoutFooter: "We are glad to help.",
      hasLogo: false,
    });
    expect(getClinicSettings({ actor: admin })).toMatchObject({ name, idleTimeoutMinutes: 20, absoluteTimeoutHours: 10, quietDaysFlag: 4 });
    expect(sessionLimits()).toEqual({ idleMs: 20 * 60_000, absoluteMs: 10 * 3_600_000 });
    expect(listAuditEvents({ actor: admin, actorId: admin.userId }).rows[0]).toMatchObject({ action: "clinic.update", outcome: "ok" });
  });

  it("refuses a therapist and changes nothing", () => {
    const before = getClinicProfile({ actor: staff });
    expect(() => updateClinicProfile({ actor: staff, input: clinicProfileSchema.parse(form({ name: "Taken over" })) })).toThrow(ForbiddenError);
    expect(() => getClinicSettings({ actor: staff })).toThrow(ForbiddenError);
    expect(() => setClinicLogo({ actor: staff, bytes: png, type: "image/png" })).toThrow(ForbiddenError);
    expect(() => removeClinicLogo({ actor: staff })).toThrow(ForbiddenError);
    expect(getClinicProfile({ actor: staff })).toEqual(before);
  });

  it("refuses bad phone, time zone, website and timeouts with field errors", () => {
    expect(errorsFor({ phone: "call me" })).toEqual(["phone"]);
    expect(errorsFor({ phone: "" })).toEqual(["phone"]);
    expect(errorsFor({ phone: "123" })).toEqual(["phone"]);
    expect(errorsFor({ timeZone: "Mars/Olympus" })).toEqual(["timeZone"]);
    expect(errorsFor({ idleTimeoutMinutes: "0" })).toEqual(["idleTimeoutMinutes"]);
    expect(errorsFor({ idleTimeoutMinutes: "500" })).toEqual(["idleTimeoutMinutes"]);
    expect(errorsFor({ idleTimeoutMinutes: "2.5" })).toEqual(["idleTimeoutMinutes"]);
    expect(errorsFor({ absoluteTimeoutHours: "25" })).toEqual(["absoluteTimeoutHours"]);
    expect(errorsFor({ website: "javascript:alert(1)" })).toEqual(["website"]);
    expect(errorsFor({ website: "lakeside.example" })).toEqual(["website"]);
    expect(errorsFor({ email: "not-an-email" })).toEqual(["email"]);
    expect(errorsFor({ name: " " })).toEqual(["name"]);
    expect(clinicProfileSchema.parse(form({ email: "", website: "", address: "" }))).toMatchObject({ email: "", website: "" });
  });
});

describe("clinic logo checks", () => {
  it("accepts PNG, JPEG and WebP by their bytes", () => {
    expect(checkLogo(png)).toEqual({ ok: true, type: "image/png" });
    expect(checkLogo(jpeg)).toEqual({ ok: true, type: "image/jpeg" });
    expect(checkLogo(webp)).toEqual({ ok: true, type: "image/webp" });
  });

  it("refuses SVG, GIF named .png, empty and oversized files", async () => {
    const svgCheck = checkLogo(svg);
    expect(svgCheck.ok).toBe(false);
    expect(!svgCheck.ok && svgCheck.message).toMatch(/SVG/);

    // Name and MIME type say PNG; the bytes say GIF, and only the bytes count.
    const disguised = new File([gif], "logo.png", { type: "image/png" });
    const gifCheck = checkLogo(new Uint8Array(await disguised.arrayBuffer()));
    expect(gifCheck.ok).toBe(false);
    expect(!gifCheck.ok && gifCheck.message).toMatch(/PNG, JPEG or WebP/);

    expect(checkLogo(new Uint8Array(0)).ok).toBe(false);
    const big = Buffer.concat([png, Buffer.alloc(LOGO_MAX_BYTES + 1 - png.length)]);
    expect(checkLogo(big)).toMatchObject({ ok: false, message: expect.stringMatching(/512 KB/) });
    expect(checkLogo(big.subarray(0, LOGO_MAX_BYTES)).ok).toBe(true);
    expect(checkLogo(Buffer.from("%PDF-1.7")).ok).toBe(false);
  });

  it("stores, serves and removes the logo", () => {
    setClinicLogo({ actor: admin, bytes: png, type: "image/png" });
    const stored = getClinicLogo();
    expect(stored?.type).toBe("image/png");
    expect(Buffer.compare(stored!.bytes, png)).toBe(0);
    expect(getClinicProfile({ actor: staff }).hasLogo).toBe(true);

    setClinicLogo({ actor: admin, bytes: jpeg, type: "image/jpeg" });
    expect(getClinicLogo()?.type).toBe("image/jpeg");

    removeClinicLogo({ actor: admin });
    expect(getClinicLogo()).toBeNull();
    expect(getClinicProfile({ actor: staff }).hasLogo).toBe(false);
  });

  it("refuses to store a file that is not an accepted picture, whatever type it claims", () => {
    setClinicLogo({ actor: admin, bytes: png, type: "image/png" });
    expect(() => setClinicLogo({ actor: admin, bytes: svg, type: "image/png" })).toThrow(RuleError);
    expect(() => setClinicLogo({ actor: admin, bytes: gif, type: "image/png" })).toThrow(RuleError);
    expect(() => setClinicLogo({ actor: admin, bytes: png, type: "image/svg+xml" })).toThrow(RuleError);
    expect(getClinicLogo()?.type).toBe("image/png");
  });
});
