import fs from "node:fs";
import path from "node:path";
import { planDocumentJsonSchema } from "@/lib/plan-document-json-schema";

/** Writes docs/plan-document.schema.json from the zod schema (npm run schema:docs). */
const file = path.join(process.cwd(), "docs", "plan-document.schema.json");
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, planDocumentJsonSchema());
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
