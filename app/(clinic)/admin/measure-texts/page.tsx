import { MeasureTextForm } from "@/components/measures/measure-text-form";
import { getMeasureTexts } from "@/db/queries/measures";
import { requireActor } from "@/db/queries/session";
import { can } from "@/lib/authz";
import { measures } from "@/lib/measures";
import { setMeasureTextAction } from "./actions";

export const metadata = { title: "Measure wording" };

export default async function MeasureTextsPage() {
  const actor = await requireActor();
  if (!can(actor, "clinic:write"))
    return (
      <div className="narrow">
        <h1>Measure wording</h1>
        <p>Only an admin can change the wording of licensed measures.</p>
      </div>
    );
  const texts = getMeasureTexts({ actor });
  return (
    <div className="narrow">
      <h1>Licensed measure wording</h1>
      <p>
        The Oswestry (ODI) and Neck Disability Index (NDI) wording is copyrighted, so Stride ships only their section names and scoring. Staff can
        always enter answers from your clinic&apos;s licensed paper form. If your clinic holds a licence, paste its wording here and patients can fill
        these measures on their link.
      </p>
      {(["odi", "ndi"] as const).map((m) => (
        <section className="card" key={m} aria-labelledby={`h-${m}`}>
          <h2 id={`h-${m}`}>{measures[m].name}</h2>
          <MeasureTextForm measure={m} label={`${measures[m].short} wording`} initial={texts[m]} action={setMeasureTextAction} />
        </section>
      ))}
    </div>
  );
}
