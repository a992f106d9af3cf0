import type { PrecautionKind } from "@/lib/precautions";

/**
 * Which starter entries conflict with which patient precautions (DOMAIN.md,
 * "Precautions that change what is safe"). Kept in one place so a clinician
 * can review the whole list at once. Conservative on purpose: a warning the
 * therapist confirms costs a click; a missed one can cost a patient.
 */
export const starterConflicts: Record<string, PrecautionKind[]> = {
  // Spine bent forward or twisted, often at end of range.
  "knee-to-chest-stretch": ["osteoporosis", "pregnancy", "hip-replacement", "spine-surgery"],
  "double-knee-to-chest": ["osteoporosis", "pregnancy", "hip-replacement", "spine-surgery"],
  "childs-pose": ["osteoporosis", "hip-replacement", "spine-surgery"],
  "cat-camel": ["osteoporosis", "spine-surgery"],
  "seated-hamstring-stretch": ["osteoporosis", "hip-replacement", "spine-surgery"],
  "lumbar-rotation": ["osteoporosis", "pregnancy", "hip-replacement", "spine-surgery"],
  "open-book-rotation": ["osteoporosis", "spine-surgery"],
  "mcgill-curl-up": ["osteoporosis", "pregnancy"],
  // Lying flat on the back (after about 20 weeks of pregnancy).
  "hamstring-stretch-lying": ["pregnancy"],
  "pelvic-tilt": ["pregnancy"],
  "glute-bridge": ["pregnancy"],
  "dead-bug": ["pregnancy"],
  "piriformis-stretch": ["pregnancy", "hip-replacement"],
  // Face down or a plank hold.
  "prone-press-up": ["pregnancy", "spinal-stenosis", "spine-surgery"],
  "front-plank-knees": ["pregnancy"],
  "side-plank-knees": ["pregnancy"],
  "side-plank-feet": ["pregnancy", "heart-condition"],
  // Hip turned out against a new joint.
  clamshell: ["hip-replacement"],
  // Half-kneeling balance.
  "hip-flexor-stretch": ["fall-risk"],
  // Long, hard holds and hard efforts.
  "wall-sit": ["heart-condition"],
  "interval-walk": ["heart-condition"],
  // Hands-on care.
  "chiropractic-adjustment": ["osteoporosis", "blood-thinners", "spine-surgery"],
  "massage-therapy-visit": ["blood-thinners"],
};

/** Everyday words beside a name a patient may not know. */
export const starterPlainNames: Record<string, string> = {
  "piriformis-stretch": "buttock stretch",
  "upper-trapezius-stretch": "side-of-neck stretch",
  "levator-scapulae-stretch": "back-of-neck stretch",
  "hamstring-stretch-lying": "back-of-thigh stretch",
  "seated-hamstring-stretch": "back-of-thigh stretch",
  "hip-flexor-stretch": "front-of-hip stretch",
  "prone-press-up": "face-down back bend",
  "cat-camel": "back arch and round",
  "childs-pose": "kneeling back stretch",
  "glute-bridge": "hip lift",
  "pelvic-tilt": "low-back flatten",
  "bird-dog": "arm and leg reach",
  "dead-bug": "arm and leg lower on your back",
  clamshell: "side-lying knee lift",
  "open-book-rotation": "side-lying upper-back twist",
  "wall-angels": "arm slides on a wall",
  "mcgill-curl-up": "small head-and-shoulder lift",
};
