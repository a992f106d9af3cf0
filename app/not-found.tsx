import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="app-main narrow">
      <h1>Page not found</h1>
      <p>We could not find that page. The record may have been moved, or the address may be mistyped.</p>
      <p>
        <Link href="/patients">Go to the patient list</Link>
      </p>
    </main>
  );
}
