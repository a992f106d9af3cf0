import Link from "next/link";
import { listLibraryEntries } from "@/db/queries/library";
import { can } from "@/lib/authz";
import { requireActor } from "@/db/queries/session";
import { bodyRegionLabels, bodyRegions, categories, categoryLabels } from "@/lib/library";
import { librarySearchSchema } from "@/lib/schemas/library-entry";

export const metadata = { title: "Exercise library" };

export default async function LibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { q, category, region, retired } = librarySearchSchema.parse(await searchParams);
  const actor = await requireActor();
  const entries = listLibraryEntries({ actor, q, category, region, retired: retired === "1" });
  return (
    <>
      <div className="page-head">
        <h1>{retired === "1" ? "Retired library entries" : "Exercise library"}</h1>
        {can(actor, "library:write") ? (
          <Link className="button primary" href="/library/new">
            Add custom entry
          </Link>
        ) : null}
      </div>
      <form className="search" role="search" action="/library">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <div className="field">
          <label htmlFor="category">Category</label>
          <select id="category" name="category" defaultValue={category ?? ""}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryLabels[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="region">Body region</label>
          <select id="region" name="region" defaultValue={region ?? ""}>
            <option value="">All regions</option>
            {bodyRegions.map((r) => (
              <option key={r} value={r}>
                {bodyRegionLabels[r]}
              </option>
            ))}
          </select>
        </div>
        {retired === "1" ? <input type="hidden" name="retired" value="1" /> : null}
        <button className="button" type="submit">
          Filter
        </button>
        <Link href={retired === "1" ? "/library" : "/library?retired=1"}>{retired === "1" ? "Show active entries" : "Show retired entries"}</Link>
      </form>
      <p className="muted" aria-live="polite">
        {entries.length} {entries.length === 1 ? "entry" : "entries"}
      </p>
      <ul className="library-grid">
        {entries.map((e) => (
          <li key={e.id} className="library-card">
            {e.illustration ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={`/illustrations/${e.illustration}`} alt="" width={320} height={160} />
            ) : null}
            <h2 style={{ margin: 0, fontSize: "1.05rem" }}>
              <Link href={`/library/${e.id}`}>{e.name}</Link>
            </h2>
            <p className="muted" style={{ margin: 0 }}>
              {categoryLabels[e.category]} · {e.bodyRegions.map((r) => bodyRegionLabels[r]).join(", ")}
              {e.source === "custom" ? " · Custom" : ""}
            </p>
            <p style={{ margin: 0 }}>{e.summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
