import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { getCurrentActor } from "@/db/queries/session";
import { countStaff } from "@/db/queries/staff";
import { safeNextPath } from "@/lib/schemas/auth";
import { signInAction } from "./actions";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (countStaff() === 0) redirect("/setup");
  if (await getCurrentActor()) redirect(next);
  return (
    <>
      <h1>Sign in</h1>
      {params.setup === "done" ? (
        <p className="form-message ok" role="status">
          Your clinic is ready. Sign in with the account you just made.
        </p>
      ) : null}
      {params.next ? <p>Please sign in to carry on. You will go straight back to where you were.</p> : null}
      <SignInForm action={signInAction.bind(null, next)} />
      <p className="muted">Forgot your password? Ask a clinic admin to set a new one.</p>
    </>
  );
}
