import Link from "next/link";
import { ArchiveButton } from "@/components/archive-button";
import { getLibraryEntry } from "@/db/queries/library";
import { can } from "@/lib/authz";
import { requireActor } from "@/db/queries/session";
import { bodyRegionLabels, categoryLabels } from "@/lib/library";
import { precautionLabels } from "@/lib/precautions";
import { idFromParam, loadOr404 } from "../../../_lib/ids";
import { setLibraryEntryRetiredAction } from "../actions";

export default async function LibraryEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const entry = loadOr404(() => getLibraryEntry({ actor, id }));
  const retired = entry.retiredAt !== null;
  return (
    <div className="narrow">
      <div className="page-head">
        <h1>
          {entry.name} {retired ? <span className="badge">Retired</span> : null}
        </h1>
        {entry.source === "custom" && can(actor, "library:write") ? (
          <div className="actions">
            <Link className="button" href={`/library/${id}/edit`}>
              Edit
            </Link>
            <ArchiveButton
              action={setLibraryEntryRetiredAction.bind(null, id, !retired)}
              label={retired ? "Bring back" : "Retire"}
              confirm={retired ? null : "Retire this entry? Plans that use it keep it; it just leaves the picker."}
            />
          </div>
        ) : null}
      </div>
      <p className="muted">
        {categoryLabels[entry.category]} · {entry.bodyRegions.map((r) => bodyRegionLabels[r]).join(", ")} ·{" "}
        {entry.source === "custom" ? "Custom entry" : "Starter library"}
      </p>
      {entry.illustration ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          className="illustration"
          src={`/illustrations/${entry.illustration}`}
          alt={entry.illustrationAlt || entry.name}
          width={320}
          height={160}
        />
      ) : null}
      {entry.plainName ? <p>In everyday words: {entry.plainName}</p> : null}
      <p>{entry.summary}</p>
      {entry.conflictsWith.length > 0 ? (
        <p className="conflict-note">
          <strong>Check first for patients with:</strong> {entry.conflictsWith.map((p) => precautionLabels[p]).join(", ")}
        </p>
      ) : null}
      <h2>Steps</h2>
      <ol>
        {entry.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      {entry.cautions.length > 0 ? (
        <>
          <h2>Cautions</h2>
          <ul>
            {entry.cautions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link href="/library">Back to the library</Link>
      </p>
    </div>
  );
}
