import { queryOptions } from "@tanstack/react-query";
import type { LibraryHitDto, PlanDto } from "@/lib/plan-dto";
import { goToSignIn } from "./pending-edit";

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (res.status === 401) {
    goToSignIn();
    throw new Error("Your session ended. Sign in again to carry on.");
  }
  if (!res.ok) throw new Error(res.status === 404 ? "This plan no longer exists." : "Could not load the latest data. Check your connection.");
  return (await res.json()) as T;
}

export const planKeys = {
  plan: (id: number) => ["plan", id] as const,
  library: (q: string, category: string) => ["library", { q, category }] as const,
};

export function planQueryOptions(id: number) {
  return queryOptions({ queryKey: planKeys.plan(id), queryFn: () => getJson<PlanDto>(`/api/plans/${id}`) });
}

export function libraryQueryOptions(q: string, category: string) {
  const params = new URLSearchParams({ q, ...(category ? { category } : {}) });
  return queryOptions({
    queryKey: planKeys.library(q, category),
    queryFn: () => getJson<LibraryHitDto[]>(`/api/library?${params}`),
    staleTime: 5 * 60_000,
  });
}
