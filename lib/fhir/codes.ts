/**
 * Code systems and codes used in Stride's FHIR R4 export.
 * STRIDE_SYSTEM is a placeholder base for Stride's own codes (measures without
 * a LOINC code, the body-side extension); `.invalid` never resolves, so nobody
 * mistakes it for a published terminology. A deployment may set its own.
 */
import type { MeasureId } from "@/lib/measures";

export const STRIDE_SYSTEM = "http://stride.invalid/fhir";
export const LOINC = "http://loinc.org";
export const SNOMED = "http://snomed.info/sct";
export const UCUM = "http://unitsofmeasure.org";

export type Coding = { system: string; code: string; display: string };

/** LOINC where a code for the score exists; Stride's code system otherwise. */
export const scoreCodes: Record<MeasureId, Coding> = {
  odi: { system: LOINC, code: "97909-6", display: "Oswestry Disability Index score" },
  ndi: { system: LOINC, code: "82237-9", display: "Neck Disability Index total score" },
  nprs: { system: LOINC, code: "72514-3", display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" },
  psfs: { system: `${STRIDE_SYSTEM}/CodeSystem/measure`, code: "psfs-mean", display: "Patient-Specific Functional Scale mean score" },
  rmdq: { system: `${STRIDE_SYSTEM}/CodeSystem/measure`, code: "rmdq-24-total", display: "Roland-Morris Disability Questionnaire (24 items) total" },
  peg: { system: `${STRIDE_SYSTEM}/CodeSystem/measure`, code: "peg-mean", display: "PEG three-item pain scale mean score" },
};

/** LOINC panels that group the score (ODI and NDI). */
export const panelCodes: Partial<Record<MeasureId, Coding>> = {
  odi: { system: LOINC, code: "97908-8", display: "Oswestry Disability Index panel" },
  ndi: { system: LOINC, code: "82226-2", display: "Neck Disability Index panel" },
};

/** SNOMED CT qualifiers for a one-sided exercise. */
export const bodySideCodes = {
  left: { system: SNOMED, code: "7771000", display: "Left" },
  right: { system: SNOMED, code: "24028007", display: "Right" },
} as const;

export const BODY_SIDE_EXTENSION = `${STRIDE_SYSTEM}/StructureDefinition/body-side`;
