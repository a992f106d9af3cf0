import type { LinkMeasures as OpenMeasures } from "@/db/queries/measure-link";
import { measures, PSFS_MAX_ACTIVITIES, type MeasureId } from "@/lib/measures";
import type { LicensedSection } from "@/lib/measures/licensed-text";
import { decodeBadFields } from "@/lib/measures/link-errors";
import { nprsWording, pegWording, psfsWording, rmdqWording } from "@/lib/measures/wording";

type Query = Record<string, string | string[] | undefined>;

const patientTitles: Record<MeasureId, string> = {
  odi: "Your back and daily life",
  ndi: "Your neck and daily life",
  nprs: "Your pain",
  psfs: "Things that are hard for you",
  rmdq: "Your back today",
  peg: "Pain and your week",
};

/**
 * The questions the plan asks the patient to answer on their link this week,
 * as plain HTML forms that post to /p/<token>/measure (no JavaScript needed).
 * Kept apart from the rest of the link page, which other features also change.
 * `open` is what openLinkMeasures read for this link (null: nothing to ask).
 * Its look is in link-measures.css, which the link page inlines.
 */
export function LinkMeasures({ token, query, open }: { token: string; query: Query; open: OpenMeasures | null }) {
  const filled = typeof query.filled === "string" && query.filled in measures ? (query.filled as MeasureId) : null;
  if (!open || (open.due.length === 0 && !filled)) return null;
  const fixFor = typeof query.measure === "string" ? query.measure : null;
  const base = `/p/${token}`;

  return (
    <section aria-labelledby="measures-h">
      <h2 id="measures-h">Questions from your clinic</h2>
      {filled ? (
        <p className="message" role="status">
          Thank you. Your answers are saved.
        </p>
      ) : null}
      {open.due.map(({ measure }) => {
        const fix = fixFor === measure ? decodeBadFields(query.fix) : {};
        return (
          <form key={measure} id={`measure-${measure}`} method="post" action={`${base}/measure`} className="item measure-form">
            <h3>{patientTitles[measure]}</h3>
            {Object.keys(fix).length ? (
              <p className="fix" role="alert">
                Some answers need another look. Nothing was saved yet.
              </p>
            ) : null}
            <input type="hidden" name="measure" value={measure} />
            <Questions measure={measure} fix={fix} licensed={measure === "odi" || measure === "ndi" ? open.licensed[measure] : undefined} />
            <button type="submit">Send my answers</button>
          </form>
        );
      })}
    </section>
  );
}

function Fix({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p className="fix" id={id}>
      {message}
    </p>
  ) : null;
}

function Scale({ name, legend, fix, max = 10 }: { name: string; legend: string; fix: Record<string, string>; max?: number }) {
  const err = `fix-${name}`;
  return (
    <fieldset aria-describedby={fix[name] ? err : undefined}>
      <legend>{legend}</legend>
      <Fix id={err} message={fix[name]} />
      <div className="scale">
        {Array.from({ length: max + 1 }, (_, n) => (
          <label key={n}>
            <input type="radio" name={name} value={n} required /> {n}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Questions({ measure, fix, licensed }: { measure: MeasureId; fix: Record<string, string>; licensed?: LicensedSection[] }) {
  switch (measure) {
    case "nprs":
      return <Scale name="pain" legend={`${nprsWording.question} ${nprsWording.scale}`} fix={fix} />;
    case "peg":
      return (
        <>
          {(["pain", "enjoyment", "activity"] as const).map((k) => (
            <Scale key={k} name={k} legend={pegWording[k]} fix={fix} />
          ))}
        </>
      );
    case "psfs":
      return (
        <>
          <p>{psfsWording.intro}</p>
          <p>{psfsWording.scale}</p>
          <Fix id="fix-activities" message={fix.activities} />
          {Array.from({ length: PSFS_MAX_ACTIVITIES }, (_, i) => {
            const a = `activities.${i}.activity`;
            const r = `activities.${i}.rating`;
            return (
              <fieldset key={i} className="row">
                <legend>
                  Activity {i + 1}
                  {i === 0 ? "" : " (if you have one)"}
                </legend>
                <label htmlFor={`psfs-a${i}`}>What is it?</label>
                <Fix id={`fix-a${i}`} message={fix[a]} />
                <input
                  id={`psfs-a${i}`}
                  type="text"
                  name={a}
                  maxLength={120}
                  required={i === 0}
                  aria-describedby={fix[a] ? `fix-a${i}` : undefined}
                />
                <label htmlFor={`psfs-r${i}`}>How well can you do it today? (0 to 10)</label>
                <Fix id={`fix-r${i}`} message={fix[r]} />
                <select id={`psfs-r${i}`} name={r} required={i === 0} defaultValue="" aria-describedby={fix[r] ? `fix-r${i}` : undefined}>
                  <option value="">Choose</option>
                  {Array.from({ length: 11 }, (_, n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </fieldset>
            );
          })}
        </>
      );
    case "rmdq":
      return (
        <fieldset className="choices">
          <legend>{rmdqWording.intro}</legend>
          {rmdqWording.statements.map((s, i) => (
            <label key={i}>
              <input type="checkbox" name={`ticked.${i}`} /> {s}
            </label>
          ))}
        </fieldset>
      );
    case "odi":
    case "ndi":
      return (
        <>
          <Fix id="fix-sections" message={fix.sections} />
          {(licensed ?? []).map((section, i) => (
            <fieldset key={i} className="choices" aria-describedby={fix[`sections.${i}`] ? `fix-s${i}` : undefined}>
              <legend>{section.heading}</legend>
              <Fix id={`fix-s${i}`} message={fix[`sections.${i}`]} />
              {section.options.map((text, n) => (
                <label key={n}>
                  <input type="radio" name={`sections.${i}`} value={n} /> {text}
                </label>
              ))}
            </fieldset>
          ))}
        </>
      );
  }
}
