import { documentProblems, PLAN_DOCUMENT_FORMAT, planDocumentSchema, type DocumentProblem, type PlanDocument } from "./plan-document";

/** Largest plan file accepted; a real plan document is a few tens of kilobytes. */
export const MAX_PLAN_FILE_BYTES = 1_000_000;

export type ParsedPlanFile = { ok: true; document: PlanDocument } | { ok: false; problems: DocumentProblem[] };

/**
 * Reads a plan document file: JSON first, then the schema. Every problem is
 * listed by its JSON path ("items[3].dose.reps: Reps can be at most 100.") so
 * the person importing can fix the file; nothing is half-read.
 */
export function parsePlanFile(text: string): ParsedPlanFile {
  if (Buffer.byteLength(text, "utf8") > MAX_PLAN_FILE_BYTES)
    return {
      ok: false,
      problems: [
        { path: "(the whole file)", message: `The file is larger than ${MAX_PLAN_FILE_BYTES / 1_000_000} MB; a plan document is much smaller.` },
      ],
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: "(the whole file)", message: "This file is not JSON. Export a plan from Stride and import that file." }] };
  }
  // Another kind of file (a spreadsheet export, a patient record): one clear line, not a problem for every missing field.
  if (typeof json !== "object" || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== PLAN_DOCUMENT_FORMAT)
    return { ok: false, problems: [{ path: "format", message: `This is not a Stride plan document (format must be "${PLAN_DOCUMENT_FORMAT}").` }] };
  const parsed = planDocumentSchema.safeParse(json);
  return parsed.success ? { ok: true, document: parsed.data } : { ok: false, problems: documentProblems(parsed.error) };
}
