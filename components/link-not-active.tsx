import type { PublicClinicContact } from "@/db/queries/clinic";

/** One page for every link that does not open a plan, so no link can be told apart from another (same words, same status). */
export function LinkNotActive({ clinic }: { clinic: Pick<PublicClinicContact, "name" | "phone"> }) {
  return (
    <main className="patient" id="main">
      <header className="clinic">
        <span>{clinic.name}</span>
      </header>
      <h1>This link is no longer active</h1>
      <p>
        Please call your clinic
        {clinic.phone ? (
          <>
            {" "}
            at <strong>{clinic.phone}</strong>
          </>
        ) : null}
        . They can give you a new link or a printed copy of your exercises.
      </p>
    </main>
  );
}
