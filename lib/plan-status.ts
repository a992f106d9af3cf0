export const planStatuses = ["draft", "active", "completed", "archived"] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const planStatusLabels: Record<PlanStatus, string> = {
  draft: "Draft",
  active: "Active",
  completed: "Completed",
  archived: "Archived",
};

/** Allowed moves. Archived plans come back as drafts so nothing reaches a patient by accident. */
export const planTransitions: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ["active", "archived"],
  active: ["completed", "archived"],
  completed: ["active", "archived"],
  archived: ["draft"],
};

export const transitionLabels: Record<PlanStatus, string> = {
  draft: "Restore as draft",
  active: "Make active",
  completed: "Mark completed",
  archived: "Archive",
};

export function canMove(from: PlanStatus, to: PlanStatus): boolean {
  return planTransitions[from].includes(to);
}
