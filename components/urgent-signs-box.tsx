import { telHref, type UrgentSigns } from "@/lib/urgent-signs";

type Props = {
  signs: UrgentSigns;
  clinicName: string;
  clinicPhone: string;
  /** On a phone the clinic's number is a tap-to-call link; on paper it is text. */
  callLink?: boolean;
  /** Distinguishes two boxes on one page (ids must be unique). */
  idPrefix?: string;
};

/** The two tiers of urgent signs, shared by the printed handout and the phone page. */
export function UrgentSignsBox({ signs, clinicName, clinicPhone, callLink = false, idPrefix = "urgent" }: Props) {
  return (
    <aside className="red-flags urgent-signs" aria-labelledby={`${idPrefix}-h`}>
      <h2 id={`${idPrefix}-h`}>Warning signs</h2>
      <section className="tier emergency" aria-labelledby={`${idPrefix}-911`}>
        <h3 id={`${idPrefix}-911`}>{signs.emergency.title} if you have:</h3>
        <ul>
          {signs.emergency.signs.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
      <section className="tier call-us" aria-labelledby={`${idPrefix}-call`}>
        <h3 id={`${idPrefix}-call`}>{signs.callUs.title} if you have:</h3>
        <ul>
          {signs.callUs.signs.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        {clinicPhone ? (
          <p>
            <strong>
              Call {clinicName} at{" "}
              {callLink ? (
                <a className="call-button" href={telHref(clinicPhone)}>
                  {clinicPhone}
                </a>
              ) : (
                clinicPhone
              )}
              .
            </strong>
          </p>
        ) : (
          <p>
            <strong>Call {clinicName}.</strong>
          </p>
        )}
      </section>
    </aside>
  );
}
