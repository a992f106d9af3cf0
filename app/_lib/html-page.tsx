import type { ReactElement, ReactNode } from "react";
import { renderStaticMarkup } from "./html-renderer";

/**
 * What the pages served as plain HTML by route handlers share (the patient's
 * link page, the printed handout): one document shape, stylesheets inlined,
 * React's static renderer, and the answer's headers.
 */

/** Stylesheets joined in the order given, comments and indentation dropped, to travel inside the page. */
export function inlineCss(sources: string[]): string {
  return sources
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/** The whole HTML document around a page: the staff app's head, the page's styles, and the script it needs (if any). */
export function HtmlDocument({
  title,
  css,
  rootClass,
  privateAddress = false,
  script,
  children,
}: {
  title: string;
  css: string;
  /** The class of the wrapper the stylesheets expect around the page. */
  rootClass: string;
  /** The address holds a secret (a patient's link): no referrer, no indexing. */
  privateAddress?: boolean;
  /** An inline script, allowed by the page's CSP nonce. */
  script?: { nonce: string; code: string };
  children: ReactNode;
}) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {privateAddress ? <meta name="referrer" content="no-referrer" /> : null}
        {privateAddress ? <meta name="robots" content="noindex, nofollow" /> : null}
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
        <div className={rootClass}>{children}</div>
        {script ? <script nonce={script.nonce} dangerouslySetInnerHTML={{ __html: script.code }} /> : null}
      </body>
    </html>
  );
}

/** A document rendered to the text sent. */
export function renderHtmlPage(document: ReactElement): string {
  return "<!DOCTYPE html>" + renderStaticMarkup(document);
}

/** An HTML answer with these headers. */
export function htmlResponse(html: string, headers: Record<string, string>, status = 200): Response {
  return new Response(html, { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
