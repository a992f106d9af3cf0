import type { ReactNode } from "react";
import { HtmlDocument, htmlResponse, renderHtmlPage } from "@/app/_lib/html-page";
import { RenderCache } from "@/lib/render-cache";
import { patientCss } from "./patient-css";

/** Headers every answer of a patient's link carries: the token in the address is a secret. */
export const privateHeaders = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow" };

/** Rendered link pages, a few hundred at most (about 25 KB each). */
export const linkPageCache = new RenderCache(400);

/**
 * A link page as a complete HTML answer: same head as the staff app's pages,
 * no scripts. With a `cacheKey` that names every input of `page`, a page
 * rendered before is sent again without rendering.
 */
export function patientHtmlResponse(page: ReactNode, cacheKey?: string): Response {
  const render = () =>
    renderHtmlPage(
      <HtmlDocument title="Your rehab plan · Stride" css={patientCss()} rootClass="patient-root" privateAddress>
        {page}
      </HtmlDocument>,
    );
  const html = cacheKey === undefined ? render() : linkPageCache.get(cacheKey, render);
  return htmlResponse(html, privateHeaders);
}
