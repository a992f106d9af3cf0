import { describe, expect, it } from "vitest";
import { exerciseDoseSchema, visitDoseSchema, type ExerciseDose, type VisitDose } from "@/lib/dose";
import { doseToDraft, draftToDose } from "@/lib/dose-draft";

const exercise: ExerciseDose = {
  sets: 3,
  reps: 12,
  holdSeconds: null,
  restSeconds: 60,
  side: "left",
  load: "red band",
  timesPerDay: 1,
  daysPerWeek: 3,
  note: "",
};
const visits: VisitDose = {
  visitType: "chiropractic-adjustment",
  spans: [
    { perWeek: 3, weeks: 2 },
    { perWeek: 1, weeks: 4 },
  ],
  note: "Bring shorts",
};

describe("dose drafts", () => {
  it("round-trips every kind of dose through the editor's text fields", () => {
    expect(draftToDose("exercise", doseToDraft("exercise", exercise))).toEqual(exercise);
    expect(draftToDose("visit", doseToDraft("visit", visits))).toEqual(visits);
  });

  it("keys span fields like zod's issue paths so errors land on the right input", () => {
    const draft = doseToDraft("visit", visits);
    expect(draft["spans.1.weeks"]).toBe("4");
    const parsed = visitDoseSchema.safeParse(draftToDose("visit", { ...draft, "spans.1.weeks": "-2" }));
    expect(parsed.error?.issues[0].path.join(".")).toBe("spans.1.weeks");
  });

  it("turns an empty optional field into null and an empty required one into a refusal", () => {
    const draft = doseToDraft("exercise", exercise);
    expect(draftToDose("exercise", { ...draft, sets: "" }).sets).toBeNull();
    const r = exerciseDoseSchema.safeParse(draftToDose("exercise", { ...draft, timesPerDay: "" }));
    expect(r.error?.issues[0]).toMatchObject({ path: ["timesPerDay"], message: "Times per day must be a number." });
    const typo = exerciseDoseSchema.safeParse(draftToDose("exercise", { ...draft, reps: "1o" }));
    expect(typo.error?.issues[0]).toMatchObject({ path: ["reps"], message: "Reps must be a number." });
  });

  it("refuses a negative rep count with words a clinician can act on", () => {
    const r = exerciseDoseSchema.safeParse(draftToDose("exercise", { ...doseToDraft("exercise", exercise), reps: "-5" }));
    expect(r.error?.issues[0]).toMatchObject({ path: ["reps"], message: "Reps must be at least 1." });
  });
});
