"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addStaff, resetStaffPassword, setStaffActive, setStaffRole } from "@/db/queries/staff";
import type { ActionResult } from "@/lib/action-result";
import { addStaffSchema, resetPasswordSchema, roleSchema, staffIdSchema } from "@/lib/schemas/staff";
import { formObject, runAction } from "../../../_lib/run-action";

export async function addStaffAction(_prev: ActionResult<{ id: string }> | null, formData: FormData) {
  const result = await runAction("staff.add", "staff:manage", (actor) => addStaff({ actor, input: addStaffSchema.parse(formObject(formData)) }));
  if (!result.ok) return result;
  revalidatePath("/admin/staff");
  redirect("/admin/staff");
}

export async function setStaffRoleAction(id: string, role: string): Promise<ActionResult> {
  const result = await runAction("staff.role", "staff:manage", (actor) =>
    setStaffRole({ actor, id: staffIdSchema.parse(id), role: roleSchema.parse(role) }),
  );
  if (result.ok) revalidatePath("/admin/staff");
  return result;
}

export async function setStaffActiveAction(id: string, active: boolean): Promise<ActionResult> {
  const result = await runAction(active === true ? "staff.reactivate" : "staff.deactivate", "staff:manage", (actor) =>
    setStaffActive({ actor, id: staffIdSchema.parse(id), active: active === true }),
  );
  if (result.ok) revalidatePath("/admin/staff");
  return result;
}

export async function resetStaffPasswordAction(id: string, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction("staff.password", "staff:manage", async (actor) => {
    const staffId = staffIdSchema.parse(id);
    const { password } = resetPasswordSchema.parse(formObject(formData));
    await resetStaffPassword({ actor, id: staffId, password });
  });
  if (result.ok) revalidatePath("/admin/staff");
  return result;
}
