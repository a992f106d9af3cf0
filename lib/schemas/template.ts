import "@/lib/zod-browser";
import { z } from "zod";
import { limits } from "@/lib/dose";
import { templateDetailsSchema } from "@/lib/plan-template";
import { formInt, optionalText } from "./fields";
import { DEFAULT_PLAN_TITLE, planSchema } from "./plan";

/** The edit form and "Save as template" share the template's header fields. */
export const templateDetailsFormSchema = templateDetailsSchema;

export const saveTemplateSchema = templateDetailsSchema.extend({
  scope: z.enum(["mine", "clinic"], { error: "Choose who can use the template: just you, or the whole clinic." }),
});

/**
 * The new plan form: "blank" or a template id, with the plan's own fields.
 * From a template, the title and length may be left empty to take the template's;
 * a blank plan's empty title becomes DEFAULT_PLAN_TITLE.
 */
export const newPlanSchema = planSchema
  .extend({
    template: z
      .union([z.literal("blank"), z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)], { error: "Choose a template, or Blank." })
      .default("blank"),
    title: optionalText("Title", 120),
    weeks: formInt("Length", limits.planWeeks.min, limits.planWeeks.max, "weeks").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.template !== "blank") return;
    if (v.weeks === undefined) ctx.addIssue({ code: "custom", path: ["weeks"], message: "Length must be a number." });
  })
  .transform((v) => (v.template === "blank" && !v.title ? { ...v, title: DEFAULT_PLAN_TITLE } : v));
export type NewPlanInput = z.infer<typeof newPlanSchema>;
