import type { WalkingDose } from "@/lib/dose";
import type { PlanItemDto } from "@/lib/plan-dto";
import { itemConflicts, type PrecautionKind } from "@/lib/precautions";
import { walkingWeeks } from "@/lib/walking-progression";

/** A conflict with the patient's precautions, in words, on the item itself (never folded away). */
export function PrecautionWarning({
  item,
  patientPrecautions,
  readOnly,
  onKeep,
}: {
  item: PlanItemDto;
  patientPrecautions: PrecautionKind[];
  readOnly: boolean;
  onKeep: () => void;
}) {
  const conflicts = itemConflicts(item.conflictsWith, patientPrecautions);
  if (conflicts.length === 0) return null;
  const open = conflicts.filter((c) => !item.confirmedConflicts.includes(c.precaution));
  if (open.length === 0) return <p className="conflict-kept">Kept after a check for: {conflicts.map((c) => c.label.toLowerCase()).join(", ")}.</p>;
  return (
    <div className="conflict-warning" role="group" aria-label={`Precaution warning for ${item.entry.name}`}>
      <p>
        <strong>Check before you keep this:</strong> the patient&apos;s precautions include {open.map((c) => c.label.toLowerCase()).join(" and ")}.
      </p>
      <ul>
        {open.map((c) => (
          <li key={c.precaution}>
            {c.label}: {c.reason}.
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <p>
          <button type="button" className="button small" onClick={onKeep}>
            Keep it: I have checked it is right for this patient<span className="visually-hidden"> ({item.entry.name})</span>
          </button>{" "}
          <span className="muted">or remove it from the plan.</span>
        </p>
      )}
    </div>
  );
}

/** Weekly minutes up more than about 20 %: said on the item, not only inside the week table. */
export function WalkingJumpWarning({ dose, weeks }: { dose: WalkingDose; weeks: number }) {
  const rows = walkingWeeks(dose, weeks);
  const jumps = rows.filter((r) => r.bigJump);
  if (jumps.length === 0) return null;
  return (
    <p className="jump-warning">
      <strong>Big weekly jump:</strong> minutes that week go up more than 20 % in{" "}
      {jumps.map((r) => `week ${r.week} (${rows[r.week - 2].weeklyMinutes} to ${r.weeklyMinutes})`).join(", ")}. Consider a smaller weekly increase.
    </p>
  );
}
