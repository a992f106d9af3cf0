import fs from "node:fs";
import path from "node:path";
import { inlineCss } from "@/app/_lib/html-page";

/**
 * The stylesheets of the patient's link page, in the order the staff app
 * applies them. The page is one self-contained answer (no script, no other
 * request but its pictures), so the styles travel inside it; they are read
 * from the source files once per process.
 */
let css: string | null = null;

export function patientCss(): string {
  // Each path written out whole, so the build's file tracing can see exactly which files are read.
  css ??= inlineCss([
    fs.readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8"),
    fs.readFileSync(path.join(process.cwd(), "app/(patient)/patient.css"), "utf8"),
    fs.readFileSync(path.join(process.cwd(), "components/measures/link-measures.css"), "utf8"),
  ]);
  return css;
}
