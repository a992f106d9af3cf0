import { listLibraryEntries } from "@/db/queries/library";
import { getCurrentActor } from "@/db/queries/session";
import { ForbiddenError } from "@/lib/authz";
import type { LibraryHitDto } from "@/lib/plan-dto";
import { librarySearchSchema } from "@/lib/schemas/library-entry";

export const dynamic = "force-dynamic";

/** Search-as-you-type for the plan editor's picker: active entries only. */
export async function GET(req: Request) {
  const actor = await getCurrentActor();
  if (!actor) return Response.json({ message: "Sign in to continue." }, { status: 401, headers: { "Cache-Control": "no-store" } });
  try {
    const { q, category, region } = librarySearchSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const hits: LibraryHitDto[] = listLibraryEntries({ actor, q, category, region, limit: 50 }).map((e) => ({
      id: e.id,
      name: e.name,
      category: e.category,
      bodyRegions: e.bodyRegions,
      summary: e.summary,
      source: e.source,
    }));
    return Response.json(hits, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof ForbiddenError) return Response.json({ message: error.message }, { status: 403 });
    console.error("GET /api/library failed", error);
    return Response.json({ message: "Something went wrong." }, { status: 500 });
  }
}
