import { phaseStep } from "@/lib/phase-progression";
import type { PlanDocument } from "@/lib/plan-document";
import { phaseAfterWeek, phaseOfWeek, phaseWeeksWords } from "@/lib/plan-phases";

/**
 * The phone page's phase box: the phase this week belongs to and what comes
 * next ("Next, from week 3: Build strength"), with what starts, stops and
 * moves on then. Server-rendered, no client JavaScript.
 */
export function PhaseNow({ plan, week }: { plan: PlanDocument; week: number }) {
  const now = phaseOfWeek(plan.phases, week);
  const next = phaseAfterWeek(plan.phases, week);
  const step = next ? phaseStep(plan, now, next) : null;
  return (
    <section className="phase-now" aria-labelledby="phase-now-h">
      <h2 id="phase-now-h">{now ? `This phase: ${now.title}` : "Your plan's phases"}</h2>
      {now ? <p>{phaseWeeksWords(now).replace(/^w/, "W")} of your plan.</p> : null}
      {next && step ? (
        <>
          <p>
            <strong>
              Next, from week {next.fromWeek}: {next.title}
            </strong>
          </p>
          {step.starts.length + step.stops.length + step.changes.length > 0 ? (
            <ul>
              {step.changes.map((line) => (
                <li key={`c-${line}`}>{line}</li>
              ))}
              {step.starts.map((name) => (
                <li key={`s-${name}`}>New: {name}</li>
              ))}
              {step.stops.map((name) => (
                <li key={`x-${name}`}>You can stop: {name}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : now ? (
        <p>This is the last phase of your plan.</p>
      ) : null}
    </section>
  );
}
