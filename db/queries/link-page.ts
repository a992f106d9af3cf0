import "server-only";
import { groupCommitted } from "./group-commit";
import { readLinkMeasures, type LinkMeasures } from "./measure-link";
import { readSharedPlan, type SharedPlan } from "./share-links";

/**
 * Everything the patient's link page shows, read in one immediate
 * transaction: the plan view and the measures view keep their own audit rows
 * (share.view, share.measures.view). The transaction is group-committed with
 * other views arriving at the same moment, so a burst of views shares one
 * fsync, and each answer still waits until its rows are durable. Null for a
 * link that opens nothing (counted as a miss, as before).
 */
export function openLinkPage({
  token,
  address,
}: {
  token: string;
  address: string;
}): Promise<{ shared: SharedPlan; measures: LinkMeasures | null } | null> {
  return groupCommitted((tx) => {
    const shared = readSharedPlan(tx, { token, address, purpose: "view" });
    return shared ? { shared, measures: readLinkMeasures(tx, { token, address }) } : null;
  });
}
