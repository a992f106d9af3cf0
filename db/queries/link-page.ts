import "server-only";
import { getDb } from "@/db";
import { readLinkMeasures, type LinkMeasures } from "./measure-link";
import { readSharedPlan, type SharedPlan } from "./share-links";

/**
 * Everything the patient's link page shows, read in ONE immediate
 * transaction: the plan view and the measures view keep their own audit rows
 * (share.view, share.measures.view), but both are made durable by a single
 * commit, so a view waits for one fsync instead of two. Null for a link that
 * opens nothing (counted as a miss, as before).
 */
export function openLinkPage({ token, address }: { token: string; address: string }): { shared: SharedPlan; measures: LinkMeasures | null } | null {
  return getDb().transaction(
    (tx) => {
      const shared = readSharedPlan(tx, { token, address, purpose: "view" });
      return shared ? { shared, measures: readLinkMeasures(tx, { token, address }) } : null;
    },
    { behavior: "immediate" },
  );
}
