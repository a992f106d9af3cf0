import "@/lib/zod-browser";
import { z } from "zod";
import { SHARE_DAYS } from "@/lib/share-days";

/** How long a new patient link works, from the share form. */
export const shareLinkDaysSchema = z.object({
  days: z.coerce
    .number({ error: "Choose how long the link works." })
    .int({ error: "Choose a whole number of days." })
    .min(SHARE_DAYS.min, { error: `A link works for at least ${SHARE_DAYS.min} day.` })
    .max(SHARE_DAYS.max, { error: `A link can work for at most ${SHARE_DAYS.max} days.` }),
});
