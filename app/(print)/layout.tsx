import "./print.css";

/** Print views: no app shell, nothing but the handout. */
export default function PrintLayout({ children }: { children: React.ReactNode }) {
  return <div className="handout-root">{children}</div>;
}
