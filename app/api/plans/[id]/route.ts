import { getPlan } from "@/db/queries/plans";
import { getCurrentActor } from "@/db/queries/session";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getCurrentActor();
  if (!actor) return Response.json({ message: "Sign in to continue." }, { status: 401, headers: { "Cache-Control": "no-store" } });
  if (!/^[1-9][0-9]{0,15}$/.test(id)) return Response.json({ message: "Plan not found." }, { status: 404 });
  try {
    return Response.json(getPlan({ actor, id: Number(id) }), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ message: "Plan not found." }, { status: 404 });
    if (error instanceof ForbiddenError) return Response.json({ message: error.message }, { status: 403 });
    console.error("GET /api/plans failed", error);
    return Response.json({ message: "Something went wrong." }, { status: 500 });
  }
}
