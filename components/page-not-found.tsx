/** The answer for an address that shows nothing: the same words whatever the reason (missing or not allowed), no details. */
export function PageNotFound() {
  return (
    <main id="main" className="app-main narrow">
      <h1>Page not found</h1>
      <p>We could not find that page. The record may have been moved, or the address may be mistyped.</p>
      <p>
        {/* A plain link: route handlers render this page to static HTML too, where next/link's client code does not run. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/patients">Go to the patient list</a>
      </p>
    </main>
  );
}
