import QRCode from "qrcode";
import { typedShareToken } from "./share-token";

/** The link as a patient meets it: the address, a typed form for paper, and a QR code (PNG data URI). */
export async function shareLinkView(baseUrl: string, token: string) {
  const url = `${baseUrl}/p/${token}`;
  const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 2, width: 240, color: { dark: "#000000", light: "#ffffff" } });
  return { url, typed: `${baseUrl}/p/ ${typedShareToken(token)}`, qr };
}
