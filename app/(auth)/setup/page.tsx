import { redirect } from "next/navigation";
import { SetupForm } from "@/components/setup-form";
import { countStaff } from "@/db/queries/staff";
import { setupAction } from "./actions";

export const metadata = { title: "Set up Stride" };

export default function SetupPage() {
  if (countStaff() > 0) redirect("/sign-in");
  return (
    <>
      <h1>Welcome to Stride</h1>
      <p>This install has no staff accounts yet. Name your clinic and make the first admin account.</p>
      <SetupForm action={setupAction} />
    </>
  );
}
