import { HIGH_PAIN, type ProgressGlance } from "@/lib/adherence";
import { formatDateShort } from "@/lib/calendar-date";

/** Why a plan is flagged, as short badges; nothing when it is not. */
function FlagBadges({ quiet, highPain }: Pick<ProgressGlance, "quiet" | "highPain">) {
  return (
    <>
      {highPain ? <span className="badge flagged">Pain {HIGH_PAIN}+ this week</span> : null}
      {quiet ? <span className="badge flagged">No recent entries</span> : null}
    </>
  );
}

function thisWeekWords(thisWeek: NonNullable<ProgressGlance["thisWeek"]>): string {
  if (thisWeek.due === 0) return "Nothing due yet this week";
  return `${thisWeek.done} of ${thisWeek.due} done so far this week (${thisWeek.percent}%)`;
}

/**
 * How the patient is doing in one line: flags first, then this week so far and
 * the latest pain score. Used on the patient list and at the top of the plan.
 */
export function ProgressGlanceLine({ glance }: { glance: ProgressGlance }) {
  const { thisWeek, latestPain } = glance;
  return (
    <span className="glance">
      <FlagBadges quiet={glance.quiet} highPain={glance.highPain} />
      {thisWeek ? <span>{thisWeekWords(thisWeek)}</span> : null}
      {latestPain ? (
        <span>
          Latest pain {latestPain.score} of 10 <span className="muted">({formatDateShort(latestPain.day)})</span>
        </span>
      ) : glance.lastLogDay === null ? (
        <span className="muted">No entries yet</span>
      ) : null}
    </span>
  );
}
