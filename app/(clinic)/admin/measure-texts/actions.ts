"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { setMeasureText } from "@/db/queries/measures";
import type { ActionResult } from "@/lib/action-result";
import { formObject, runAction } from "../../../_lib/run-action";

const measureTextSchema = z.object({
  measure: z.enum(["odi", "ndi"], { error: "Choose ODI or NDI." }),
  body: z.string().max(20_000, { error: "Keep the wording under 20,000 characters." }).default(""),
});

export async function setMeasureTextAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction("measure.texts.update", "clinic:write", (actor) => {
    const input = measureTextSchema.parse(formObject(formData));
    setMeasureText({ actor, measure: input.measure, body: input.body });
  });
  if (result.ok) revalidatePath("/admin/measure-texts");
  return result;
}
