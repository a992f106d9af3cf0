import { vi } from "vitest";
import { getDb } from "@/db";
import { clinicSettings, itemLogs, painLogs } from "@/db/schema";
import type { ExerciseDose, WalkingDose } from "@/lib/dose";

/** Shared by the adherence and patient-progress tests: a 3-day exercise and a 5-day walk. */
export const bridgeDose: ExerciseDose = {
  sets: 3,
  reps: 12,
  holdSeconds: null,
  restSeconds: null,
  side: "both",
  load: "",
  timesPerDay: 1,
  daysPerWeek: 3,
  note: "",
};
export const walkDose: WalkingDose = {
  minutes: 20,
  sessionsPerDay: 1,
  daysPerWeek: 5,
  intensity: "talk-test",
  rpe: null,
  stepMinutes: null,
  capMinutes: null,
  note: "",
};

/** The patient's ticks for one item, one row per day, as the link route writes them. */
export function tick(planId: number, planItemId: number, ...days: string[]) {
  getDb()
    .insert(itemLogs)
    .values(days.map((day) => ({ planId, planItemId, day, createdAt: new Date() })))
    .run();
}

export function pain(planId: number, day: string, score: number, comment = "") {
  getDb().insert(painLogs).values({ planId, day, score, comment, updatedAt: new Date() }).run();
}

/** Sets the clinic's zone and quiet-day flag for the file's tests. */
export function useClinic(timeZone: string, quietDaysFlag: number) {
  const clinic = { name: "Test clinic", phone: "555-0100", timeZone, quietDaysFlag };
  getDb()
    .insert(clinicSettings)
    .values({ id: 1, ...clinic })
    .onConflictDoUpdate({ target: clinicSettings.id, set: clinic })
    .run();
}

/** Fakes only Date, so "today" is fixed while SQLite and timers behave normally. */
export function at(iso: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}
