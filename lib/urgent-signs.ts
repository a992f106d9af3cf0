import type { ItemKind, VisitType } from "./dose";
import type { BodyRegion } from "./library";
import type { PlanDocumentItem } from "./plan-document";

/**
 * The urgent signs every handout and phone page shows, in two tiers
 * (DOMAIN.md, "Urgent signs in two tiers"). This is the one source: entries
 * that mention one of these signs must send the patient to the same tier.
 */
export const emergencyTier = {
  title: "Call 911 or go to the emergency room now",
  signs: [
    "New numbness in the groin or inner thighs.",
    "New trouble passing urine, or loss of bladder or bowel control.",
    "New weakness in both legs, or trouble walking.",
    "Chest pain that does not ease with rest.",
    "Signs of a stroke: face drooping, arm weakness, speech trouble, sudden severe headache, double vision.",
  ],
} as const;

export const callUsTier = {
  title: "Stop and call us today",
  signs: [
    "Pain spreading down a leg.",
    "New numbness or tingling.",
    "Fever with back pain.",
    "Unexplained weight loss.",
    "A fall or injury.",
    "Pain at night that keeps getting worse.",
    "Pain much worse after an exercise.",
  ],
} as const;

/** Added to the "call us today" tier when the plan works on the neck. */
export const neckSigns = [
  "Numbness, tingling or weakness in both arms.",
  "Clumsy hands.",
  "Dizziness or a change in vision when you turn your head.",
] as const;

export type UrgentTier = { title: string; signs: string[] };
export type UrgentSigns = { emergency: UrgentTier; callUs: UrgentTier };

/** What the neck rule needs to know about a plan item. */
export type UrgentSignsItem = {
  kind: ItemKind;
  bodyRegions: readonly BodyRegion[];
  visitType?: VisitType | null;
};

/**
 * A plan "works on the neck" when it has an exercise for the neck or any
 * chiropractic visit. Education tips and other visits often list the neck
 * among many regions, so they do not count on their own.
 */
export function planHasNeckCare(items: readonly UrgentSignsItem[]): boolean {
  return items.some(
    (it) => (it.kind === "exercise" && it.bodyRegions.includes("neck")) || (it.kind === "visit" && it.visitType === "chiropractic-adjustment"),
  );
}

export function urgentSigns({ neck }: { neck: boolean }): UrgentSigns {
  return {
    emergency: { title: emergencyTier.title, signs: [...emergencyTier.signs] },
    callUs: { title: callUsTier.title, signs: neck ? [...callUsTier.signs, ...neckSigns] : [...callUsTier.signs] },
  };
}

/** The tiers for a plan, from its items. */
export function urgentSignsForItems(items: readonly UrgentSignsItem[]): UrgentSigns {
  return urgentSigns({ neck: planHasNeckCare(items) });
}

/** The tiers for a plan as the handout and phone page hold it. */
export function urgentSignsForPlan(items: readonly PlanDocumentItem[]): UrgentSigns {
  return urgentSignsForItems(
    items.map((it) => ({ kind: it.kind, bodyRegions: it.entry.bodyRegions, visitType: it.kind === "visit" ? it.dose.visitType : null })),
  );
}

/** A pain score at or above this answers with the urgent signs and the clinic's phone. */
export const HIGH_PAIN_SCORE = 8;

/** Digits and a leading + only, for a tel: link. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, "")}`;
}
