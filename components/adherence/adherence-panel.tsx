import type { PlanAdherenceView } from "@/db/queries/adherence";
import { HIGH_PAIN, weekDoneWords } from "@/lib/adherence";
import { daysBetween, formatDateShort } from "@/lib/calendar-date";
import { PainChart } from "./pain-chart";

const COMMENTS_SHOWN = 5;

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** What the patient logged against the plan: warnings first, then weeks, pain trend and their words. */
export function AdherencePanel({ weeks, beforeStart, pain, flags, today, startDate }: PlanAdherenceView) {
  const lastLogDay = flags.lastLogDay;
  const comments = pain
    .filter((p) => p.comment.trim() !== "")
    .slice(-COMMENTS_SHOWN)
    .reverse();

  return (
    <section className="card" aria-labelledby="adherence-h">
      <h2 id="adherence-h">How the patient is doing</h2>

      {flags.quiet || flags.highPain ? (
        <div className="alert" style={{ display: "grid", gap: "0.25rem", marginBottom: "1rem" }}>
          {flags.quiet ? (
            <p style={{ margin: 0 }}>
              <strong>
                {lastLogDay
                  ? `No entries for ${plural(daysBetween(lastLogDay, today), "day")} — last entry ${formatDateShort(lastLogDay)}`
                  : `No entries since the plan started on ${formatDateShort(startDate)}`}
              </strong>
            </p>
          ) : null}
          {flags.highPain ? (
            <p style={{ margin: 0 }}>
              <strong>Pain of {HIGH_PAIN} or more reported in the last week</strong>
            </p>
          ) : null}
        </div>
      ) : null}

      {lastLogDay === null ? (
        <p>No entries from the patient yet. Share the plan with them to start tracking.</p>
      ) : (
        <>
          <p>
            Last entry: {formatDateShort(lastLogDay)}
            {flags.latestPain !== null ? `. Latest pain: ${flags.latestPain} of 10.` : "."}
          </p>
          <WeekTable weeks={weeks} beforeStart={beforeStart} />
          <h3 style={{ marginTop: "1.5rem" }}>Pain trend</h3>
          <PainChart points={pain.map(({ day, score }) => ({ day, score }))} />
          {comments.length > 0 ? (
            <>
              <h3 style={{ marginTop: "1.5rem" }}>Latest comments</h3>
              <ul>
                {comments.map((c) => (
                  <li key={c.day}>
                    <strong>{formatDateShort(c.day)}</strong>
                    {c.day < startDate ? " (before the start)" : ""} (pain {c.score}): {c.comment}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

function WeekTable({ weeks, beforeStart }: Pick<PlanAdherenceView, "weeks" | "beforeStart">) {
  if (weeks.length === 0 && beforeStart.ticks === 0) return null;
  return (
    <table className="list">
      <caption className="visually-hidden">Plan items done, week by week</caption>
      <thead>
        <tr>
          <th scope="col">Week</th>
          <th scope="col">Dates</th>
          <th scope="col">Days active</th>
          <th scope="col">Items done</th>
          <th scope="col">%</th>
        </tr>
      </thead>
      <tbody>
        {beforeStart.ticks > 0 ? (
          <tr>
            <th scope="row">Before the start</th>
            <td>
              <span className="muted">not counted in a week</span>
            </td>
            <td>{plural(beforeStart.daysActive, "day")}</td>
            <td>{plural(beforeStart.ticks, "tick")}</td>
            <td>
              <span aria-hidden="true">—</span>
              <span className="visually-hidden">not counted</span>
            </td>
          </tr>
        ) : null}
        {weeks.map((w) => (
          <tr key={w.week}>
            <th scope="row">
              {w.week}
              {w.inProgress ? <span className="muted"> (this week, so far)</span> : null}
            </th>
            <td>
              {formatDateShort(w.startDate)} – {formatDateShort(w.endDate)}
            </td>
            <td>{w.daysActive} of 7</td>
            <td>
              {weekDoneWords(w)}
              {w.soFar ? <span className="muted"> (the week asks for {w.itemsPrescribed})</span> : null}
            </td>
            <td>
              {w.percent === null ? (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="visually-hidden">{w.soFar && w.itemsPrescribed > 0 ? "nothing due yet" : "nothing to count"}</span>
                </>
              ) : (
                `${w.percent}%`
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
