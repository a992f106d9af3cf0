import type { AnyDose } from "@/lib/dose";
import type { PlanPhase } from "@/lib/plan-phases";

/**
 * Starter plan templates written for Stride. Each names the guideline it
 * follows and when its content was last reviewed. Items are library slugs
 * (db/seed/library) with the dose changes this template makes to the
 * entry's default dose. Content is deliberately conservative: a clinician
 * tailors it to the patient after starting the plan.
 */

/** `phaseId`: the template phase the item belongs to (see `phases`); absent for the whole plan. */
export type StarterTemplateItem = { slug: string; dose?: Partial<Record<string, unknown>>; phaseId?: string };

export type StarterTemplate = {
  slug: string;
  title: string;
  description: string;
  guideline: string;
  lastReviewed: string;
  goal: string;
  weeks: number;
  precautions: string;
  phases?: PlanPhase[];
  items: StarterTemplateItem[];
};

const daily = { timesPerDay: 1, daysPerWeek: 7 } satisfies Partial<Record<string, unknown>>;

export const starterTemplates: StarterTemplate[] = [
  {
    slug: "acute-low-back-pain-first-two-weeks",
    title: "Acute low back pain: the first two weeks",
    description:
      "For a new episode of low back pain without warning signs. Keeps the person moving: short easy walks that grow each week, two gentle stretches, and advice on staying active, sleep and heat. No hard strengthening yet.",
    guideline: "NICE NG59 Low back pain and sciatica in over 16s (2016, updated 2020); ACP Noninvasive treatments for low back pain (2017)",
    lastReviewed: "2026-11-20",
    goal: "Get back to my usual day without the pain stopping me.",
    weeks: 2,
    precautions: "Stop and call us if pain spreads down a leg, or if you notice numbness, tingling or weakness.",
    items: [
      {
        slug: "steady-walk",
        dose: {
          minutes: 5,
          sessionsPerDay: 2,
          daysPerWeek: 7,
          stepMinutes: 5,
          capMinutes: 15,
          note: "Short and easy. Walking a little often is better than resting in bed.",
        },
      },
      { slug: "pelvic-tilt", dose: { ...daily, timesPerDay: 2 } },
      { slug: "knee-to-chest-stretch", dose: daily },
      { slug: "staying-active-with-pain" },
      { slug: "heat-and-ice" },
      { slug: "sleep-positions" },
    ],
  },
  {
    slug: "chronic-low-back-pain-walking-and-core",
    title: "Chronic low back pain: walking and core (6 weeks)",
    description:
      "For low back pain that has lasted more than three months. A walking program built up to 30 minutes, five days a week, with three core exercises and two stretches. Exercise is the first-line treatment; the pace is set by the person, not by the pain.",
    guideline: "JOSPT Low back pain clinical practice guideline revision (2021); NICE NG59 (2016, updated 2020); ACP low back pain guideline (2017)",
    lastReviewed: "2026-11-20",
    goal: "Walk for 30 minutes, five days a week, and feel stronger in my back.",
    weeks: 6,
    precautions: "",
    items: [
      { slug: "steady-walk", dose: { minutes: 10, daysPerWeek: 5, stepMinutes: 4, capMinutes: 30 } },
      { slug: "pelvic-tilt" },
      { slug: "bird-dog" },
      { slug: "glute-bridge" },
      { slug: "cat-camel" },
      { slug: "hamstring-stretch-lying" },
      { slug: "pacing-activities" },
      { slug: "why-walking-helps" },
    ],
  },
  {
    slug: "sciatica-gentle-walking",
    title: "Leg pain from the back (sciatica): gentle walking and movement",
    description:
      "For leg pain that comes from the back, without loss of strength or bladder or bowel changes. Short walks with rests, gentle back movements that do not push the leg pain further down the leg, and advice. The starter library has no nerve-glide exercise: add your clinic's own if you use them.",
    guideline:
      "NICE NG59 Low back pain and sciatica in over 16s (2016, updated 2020); JOSPT Low back pain clinical practice guideline revision (2021)",
    lastReviewed: "2026-11-20",
    goal: "Walk to the shops and back with less leg pain.",
    weeks: 4,
    precautions:
      "If the leg pain spreads further down the leg during an exercise, stop that exercise. Call us today if you notice new numbness or weakness in the leg.",
    items: [
      {
        slug: "steady-walk",
        dose: {
          minutes: 5,
          sessionsPerDay: 2,
          daysPerWeek: 5,
          stepMinutes: 3,
          capMinutes: 15,
          note: "Walk on flat ground and rest when the leg pain builds. Stop before it spreads further down the leg.",
        },
      },
      { slug: "pelvic-tilt" },
      { slug: "knee-to-chest-stretch" },
      { slug: "lumbar-rotation" },
      { slug: "staying-active-with-pain" },
      { slug: "sleep-positions" },
    ],
  },
  {
    slug: "neck-pain-at-the-desk",
    title: "Neck pain at the desk",
    description:
      "For neck pain linked to long hours sitting at a desk, without arm symptoms. Posture resets, neck and upper back mobility, a gentle stretch, and short walking breaks through the working day.",
    guideline: "JOSPT Neck pain clinical practice guideline revision (2017)",
    lastReviewed: "2026-11-20",
    goal: "Get through a work day at my desk without a stiff, sore neck.",
    weeks: 4,
    precautions: "",
    items: [
      { slug: "chin-tuck" },
      { slug: "shoulder-blade-squeeze" },
      { slug: "upper-trapezius-stretch" },
      { slug: "thoracic-extension-chair" },
      { slug: "sitting-break-walk" },
      { slug: "sitting-set-up" },
    ],
  },
  {
    slug: "home-care-between-adjustments",
    title: "Home care between chiropractic adjustments",
    description:
      "Home exercises and advice that go with a course of chiropractic care for low back pain: visits three times a week at first, then less often, with gentle mobility, a daily walk and advice to stay active between visits.",
    guideline: "ACP Noninvasive treatments for low back pain (2017); NICE NG59 (2016, updated 2020): manual therapy only alongside exercise",
    lastReviewed: "2026-11-20",
    goal: "Keep the gains from each visit and move more easily at home.",
    weeks: 6,
    precautions: "",
    items: [
      {
        slug: "chiropractic-adjustment",
        dose: {
          spans: [
            { perWeek: 3, weeks: 2 },
            { perWeek: 1, weeks: 4 },
          ],
        },
      },
      { slug: "steady-walk", dose: { minutes: 10, daysPerWeek: 5, stepMinutes: 3, capMinutes: 25 } },
      { slug: "cat-camel" },
      { slug: "knee-to-chest-stretch" },
      { slug: "pelvic-tilt" },
      { slug: "staying-active-with-pain" },
    ],
  },
  {
    slug: "back-to-walking-after-a-flare-up",
    title: "Back to walking after a flare-up",
    description:
      "For someone whose back pain has flared and who has cut back on walking. Restarts with short walks and builds back to the usual distance over four weeks, with pacing advice, supportive shoes and one stretch. Two phases: gentle pelvic tilts while the flare settles (weeks 1-2), then bridges to build strength (weeks 3-4).",
    guideline: "NICE NG59 (2016, updated 2020); JOSPT Low back pain clinical practice guideline revision (2021)",
    lastReviewed: "2026-11-20",
    goal: "Get back to my usual walks after this flare-up.",
    weeks: 4,
    precautions: "",
    phases: [
      { id: "settle", title: "Settle the flare-up", fromWeek: 1, toWeek: 2 },
      { id: "build", title: "Build back up", fromWeek: 3, toWeek: 4 },
    ],
    items: [
      { slug: "steady-walk", dose: { minutes: 10, daysPerWeek: 5, stepMinutes: 5, capMinutes: 30 } },
      { slug: "knee-to-chest-stretch" },
      { slug: "pelvic-tilt", dose: { ...daily, sets: 1 }, phaseId: "settle" },
      { slug: "glute-bridge", dose: { sets: 2, reps: 8, daysPerWeek: 3 }, phaseId: "build" },
      { slug: "pacing-activities" },
      { slug: "supportive-footwear" },
    ],
  },
];

/** The template's dose for an item: the library's default with this template's changes. */
export function starterDose(defaultDose: AnyDose, item: StarterTemplateItem): unknown {
  return { ...defaultDose, ...item.dose };
}

/** Starter templates as checked template documents, their items taken from the library rows by slug. */
export function buildStarterTemplate(
  def: StarterTemplate,
  entryBySlug: (slug: string) => {
    id: number;
    slug: string | null;
    kind: string;
    name: string;
    plainName: string;
    category: string;
    bodyRegions: string[];
    summary: string;
    steps: string[];
    cautions: string[];
    illustration: string | null;
    illustrationAlt: string;
    oneSided: boolean;
    defaultDose: AnyDose;
  },
) {
  return {
    format: "stride.plan-template/1",
    title: def.title,
    goal: def.goal,
    weeks: def.weeks,
    precautions: def.precautions,
    description: def.description,
    guideline: def.guideline,
    lastReviewed: def.lastReviewed,
    ...(def.phases?.length ? { phases: def.phases } : {}),
    items: def.items.map((item) => {
      const e = entryBySlug(item.slug);
      return {
        kind: e.kind,
        itemId: null,
        ...(item.phaseId ? { phaseId: item.phaseId } : {}),
        dose: starterDose(e.defaultDose, item),
        entry: {
          libraryEntryId: e.id,
          slug: e.slug,
          name: e.name,
          plainName: e.plainName,
          category: e.category,
          bodyRegions: e.bodyRegions,
          summary: e.summary,
          steps: e.steps,
          cautions: e.cautions,
          illustration: e.illustration,
          illustrationAlt: e.illustrationAlt,
          oneSided: e.oneSided,
        },
      };
    }),
  };
}
