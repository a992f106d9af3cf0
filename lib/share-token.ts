import crypto from "node:crypto";

/** 32 random bytes (256 bits), base64url: the whole secret of a patient's link. */
export function newShareToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** Only this is stored, so a copy of the database cannot open anyone's link. */
export function hashShareToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** A link typed from paper may carry the spaces it was printed with. */
export function normalizeShareToken(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const token = decoded.replace(/\s+/g, "");
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

/** The token in groups of five for a printed handout: easier to read aloud and type. */
export function typedShareToken(token: string): string {
  return token.match(/.{1,5}/g)!.join(" ");
}

export { SHARE_DAYS } from "./share-days";
