import fs from "node:fs";
import path from "node:path";
import { headers } from "next/headers";
import type { ReactElement } from "react";
import { HtmlDocument, htmlResponse, inlineCss, renderHtmlPage } from "@/app/_lib/html-page";
import { PrintHandout, type PrintHandoutProps } from "@/components/print-handout";
import { RenderCache } from "@/lib/render-cache";
import { shareLinkView } from "@/lib/share-link-view";

/**
 * The printed handout as plain HTML (no Next client runtime): the print
 * view's stylesheets inlined, one small inline script for the print button,
 * rendered pages kept in a cache keyed by every input.
 */

let css: string | null = null;

function printCss(): string {
  // Each path written out whole, so the build's file tracing can see exactly which files are read.
  css ??= inlineCss([
    fs.readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8"),
    fs.readFileSync(path.join(process.cwd(), "app/(print)/print.css"), "utf8"),
  ]);
  return css;
}

/** The print button's only behaviour; the button stays disabled where scripts do not run. */
export const printButtonScript =
  'for(const b of document.querySelectorAll("[data-print-button]")){b.disabled=false;b.addEventListener("click",()=>window.print())}';

/**
 * Where the request's CSP nonce goes. A cached page is shared by requests with
 * different nonces, so it is stored with this mark and the nonce is written in
 * as each answer is sent. Quotes in anything staff typed are escaped, so only
 * the script's own attribute can read `nonce="<mark>"`.
 */
const NONCE_MARK = "stride-nonce-mark";
const NONCE_ATTRIBUTE = `nonce="${NONCE_MARK}"`;

/** A print view as a whole HTML document, its script (if any) waiting for the request's nonce. */
export function renderPrintPage(title: string, page: ReactElement, { printButton = false } = {}): string {
  return renderHtmlPage(
    <HtmlDocument
      title={`${title} · Stride`}
      css={printCss()}
      rootClass="handout-root"
      script={printButton ? { nonce: NONCE_MARK, code: printButtonScript } : undefined}
    >
      {page}
    </HtmlDocument>,
  );
}

/** Every input of the handout's markup, with the patient's link as its address: the QR code is drawn from it only on a miss. */
export type HandoutInputs = Omit<PrintHandoutProps, "link"> & { link: { baseUrl: string; token: string } | null };

/**
 * Names every input of the handout. The version's document is left out: the
 * plan id and version number name it, and an issued version never changes.
 * Everything else (patient's current name, clinic details, size, query, the
 * link and the address it points at) is in the key as given.
 */
export function handoutCacheKey(inputs: HandoutInputs): string {
  return JSON.stringify({ ...inputs, version: { ...inputs.version, document: undefined } });
}

/** Rendered handouts (30 to 60 KB each, the QR code included). */
export const handoutCache = new RenderCache(200);

/** The handout's HTML: from the cache, or rendered now (drawing the QR code first if there is a link). */
export function renderHandout(inputs: HandoutInputs): Promise<string> {
  return handoutCache.getAsync(handoutCacheKey(inputs), async () => {
    const link = inputs.link ? await shareLinkView(inputs.link.baseUrl, inputs.link.token) : null;
    return renderPrintPage("Handout", <PrintHandout {...inputs} link={link} />, { printButton: true });
  });
}

/**
 * A print view's answer: never stored by a browser or proxy (it is patient
 * data), its script carrying this request's CSP nonce (set by proxy.ts).
 */
export async function printHtmlResponse(html: string, status = 200): Promise<Response> {
  const nonce = (await headers()).get("x-nonce") ?? "";
  const at = html.lastIndexOf(NONCE_ATTRIBUTE);
  const attribute = `nonce="${/^[A-Za-z0-9+/=]+$/.test(nonce) ? nonce : ""}"`;
  const sent = at < 0 ? html : html.slice(0, at) + attribute + html.slice(at + NONCE_ATTRIBUTE.length);
  return htmlResponse(sent, { "Cache-Control": "no-store" }, status);
}
