/**
 * Checks an uploaded clinic logo by its first bytes. The file name and the
 * browser's MIME type are chosen by the sender, so neither is trusted; the
 * stored content type is always the one detected here.
 */
export const LOGO_MAX_BYTES = 512 * 1024;

export const logoTypes = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof logoTypes)[number];

export type LogoCheck = { ok: true; type: LogoType } | { ok: false; message: string };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

export function detectLogoType(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

/** Text that opens like markup: SVG, HTML or XML, possibly after a byte-order mark or blank lines. */
function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  return head.startsWith("<") || head.includes("<svg");
}

const wrongKind = "Please upload the logo as a PNG, JPEG or WebP picture.";

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, message: "That file is empty. Choose the logo picture again." };
  if (bytes.length > LOGO_MAX_BYTES)
    return { ok: false, message: `That picture is too large (${Math.ceil(bytes.length / 1024)} KB). The logo can be at most 512 KB.` };
  const type = detectLogoType(bytes);
  if (type) return { ok: true, type };
  if (looksLikeMarkup(bytes))
    return { ok: false, message: `SVG and other drawing files can carry hidden scripts, so they are not accepted. ${wrongKind}` };
  if (startsWith(bytes, ascii("GIF8"))) return { ok: false, message: `GIF pictures are not accepted. ${wrongKind}` };
  return { ok: false, message: `This file is not a picture we can use. ${wrongKind}` };
}
