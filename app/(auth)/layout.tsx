/** Sign-in and first-run setup: no app shell, nothing behind them is reachable yet. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="app-main narrow">
      <p className="brand-plain">Stride</p>
      {children}
    </main>
  );
}
