import Link from "next/link";
import { Providers } from "@/components/providers";

export default function ClinicLayout({ children }: { children: React.ReactNode }) {
  return (
    <Providers>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/patients" className="brand">
          Stride
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link href="/patients">Patients</Link>
            </li>
            <li>
              <Link href="/library">Exercise library</Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
    </Providers>
  );
}
