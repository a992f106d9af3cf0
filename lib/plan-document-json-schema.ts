import { z } from "zod";
import { PLAN_DOCUMENT_FORMAT, planDocumentSchema } from "./plan-document";

/**
 * The JSON Schema of the plan document, generated from the zod schema so the
 * two cannot drift (committed as docs/plan-document.schema.json by
 * `npm run schema:docs`; a unit test checks the committed file is current).
 * Rules zod checks in code (visits within the plan's length, "reps or a hold")
 * cannot be said in JSON Schema; docs/plan-document.md lists them.
 */
export function planDocumentJsonSchema(): string {
  const schema = z.toJSONSchema(planDocumentSchema, { io: "input", unrepresentable: "any" });
  const described = {
    ...schema,
    $id: "https://stride.invalid/schemas/plan-document-1.json",
    title: "Stride plan document",
    description: `A rehab plan as given to a patient (format "${PLAN_DOCUMENT_FORMAT}"). See plan-document.md beside this file.`,
  };
  return `${JSON.stringify(described, null, 2)}\n`;
}
