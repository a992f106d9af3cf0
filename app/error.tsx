"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  // The error itself stays in the server log: no stack trace or SQL reaches the browser.
  return (
    <main id="main" className="app-main narrow">
      <h1>Something went wrong</h1>
      <p>Stride could not show this page. Nothing you saved before has been lost.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
