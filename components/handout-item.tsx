import type { ReactNode } from "react";
import { describeDose } from "@/lib/dose-wording";
import { patientName } from "@/lib/library";
import type { PlanDocumentItem } from "@/lib/plan-document";
import { WALKING_MOVE_UP_RULE } from "@/lib/walking-progression";

/**
 * One item of an issued plan as the patient reads it, on paper and on the
 * phone: picture, name, dose in words, steps, cautions and the therapist's
 * note. Server-rendered, no client JavaScript. `children` holds what the
 * medium adds (the walking table on paper, the tick button on the phone).
 */
export function HandoutItem({
  item,
  medium,
  weekMinutes,
  id,
  done = false,
  children,
}: {
  item: PlanDocumentItem;
  medium: "print" | "phone";
  /** On the phone, a walk shows this week's minutes. */
  weekMinutes?: number;
  id?: string;
  /** On the phone, ticked off today. */
  done?: boolean;
  children?: ReactNode;
}) {
  const { entry } = item;
  const headingId = id ? `${id}-h` : undefined;
  const dose = describeDose(item, { weekMinutes });
  const className = medium === "print" ? (entry.illustration ? "print-item" : "print-item no-picture") : done ? "item done" : "item";
  const picture = entry.illustration ? (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={`/illustrations/${entry.illustration}`}
      alt={entry.illustrationAlt || entry.name}
      width={medium === "phone" ? 320 : undefined}
      height={medium === "phone" ? 160 : undefined}
    />
  ) : null;
  const Steps = item.kind === "education" ? "ul" : "ol";
  const heading = <h3 id={headingId}>{patientName(entry)}</h3>;
  const doseLines = (
    <>
      {dose ? <p className="dose">{dose}</p> : null}
      {item.kind === "walking" ? <p className="move-up-rule">{WALKING_MOVE_UP_RULE}</p> : null}
    </>
  );
  const details = (
    <>
      {item.kind === "education" && entry.summary ? <p>{entry.summary}</p> : null}
      <Steps>
        {entry.steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </Steps>
      {entry.cautions.length > 0 ? (
        <p className="cautions">
          <strong>Be careful:</strong> {entry.cautions.join(" ")}
        </p>
      ) : null}
      {item.dose.note ? <p className="note">{item.dose.note}</p> : null}
    </>
  );
  if (medium === "phone")
    return (
      <section id={id} className={className} aria-labelledby={headingId}>
        {heading}
        {picture}
        {doseLines}
        {details}
        {children}
      </section>
    );
  // On paper the name and dose run across the full width; the picture sits beside the steps and the text flows on under it.
  return (
    <section className={className}>
      <header className="print-item-head">
        {heading}
        {doseLines}
      </header>
      {picture}
      <div className="item-body">{details}</div>
      {children}
    </section>
  );
}
