import type { ReactNode } from "react";
import { RenderCache } from "@/lib/render-cache";
import { renderStaticMarkup } from "./html-renderer";
import { patientCss } from "./patient-css";

/** Headers every answer of a patient's link carries: the token in the address is a secret. */
export const privateHeaders = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex, nofollow" };

/** The whole HTML document around a link page: same head as the staff app's pages, no scripts. */
function PatientDocument({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Your rehab plan · Stride</title>
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <style dangerouslySetInnerHTML={{ __html: patientCss() }} />
      </head>
      <body>
        <div className="patient-root">{children}</div>
      </body>
    </html>
  );
}

/** Rendered link pages, a few hundred at most (about 25 KB each). */
export const linkPageCache = new RenderCache(400);

/**
 * A link page as a complete HTML answer. With a `cacheKey` that names every
 * input of `page`, a page rendered before is sent again without rendering.
 */
export function patientHtmlResponse(page: ReactNode, cacheKey?: string): Response {
  const render = () => "<!DOCTYPE html>" + renderStaticMarkup(<PatientDocument>{page}</PatientDocument>);
  const html = cacheKey === undefined ? render() : linkPageCache.get(cacheKey, render);
  return new Response(html, { headers: { ...privateHeaders, "Content-Type": "text/html; charset=utf-8" } });
}
