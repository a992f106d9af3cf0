/**
 * The clinic's licensed ODI/NDI wording, pasted by an admin as plain text:
 * ten blocks separated by a blank line, each a section heading followed by its
 * six statements in score order (0 to 5). Kept as text so any edition of the
 * licensed form fits; checked here so a patient never sees a broken form.
 */
export type LicensedSection = { heading: string; options: string[] };

export function parseLicensedText(body: string): { ok: true; sections: LicensedSection[] } | { ok: false; message: string } {
  const blocks = body
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((b) =>
      b
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .filter((b) => b.length > 0);
  if (blocks.length !== 10) return { ok: false, message: `Paste 10 sections separated by a blank line (found ${blocks.length}).` };
  const bad = blocks.findIndex((b) => b.length !== 7);
  if (bad >= 0)
    return { ok: false, message: `Section ${bad + 1} needs a heading and 6 statements, one per line (found ${blocks[bad].length} lines).` };
  return { ok: true, sections: blocks.map(([heading, ...options]) => ({ heading, options })) };
}
