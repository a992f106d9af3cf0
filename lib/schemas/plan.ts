import "@/lib/zod-browser";
import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar-date";
import { limits } from "@/lib/dose";
import { planStatuses } from "@/lib/plan-status";
import { formInt, optionalText, requiredText } from "./fields";

/** The title a blank plan gets when none is typed: it reads well on the handout, and staff can rename it later. */
export const DEFAULT_PLAN_TITLE = "Home program";

export const planSchema = z.object({
  title: requiredText("Title", 120),
  goal: optionalText("Goal", 300),
  startDate: z
    .string({ error: "Start date is required." })
    .trim()
    .refine(isCalendarDate, { error: "Enter the start date as a real date (YYYY-MM-DD)." }),
  weeks: formInt("Length", limits.planWeeks.min, limits.planWeeks.max, "weeks"),
  precautions: optionalText("Precautions", 2000),
  notes: optionalText("Therapist notes", 4000),
});
export type PlanInput = z.infer<typeof planSchema>;

export const planStatusSchema = z.enum(planStatuses, { error: "Unknown plan status." });

/** The new order of a plan's items, as their ids (the editor's drag and drop or keyboard moves). */
export const planItemOrderSchema = z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).max(200);
