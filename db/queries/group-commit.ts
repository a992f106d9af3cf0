import "server-only";
import { getDb, type Executor } from "@/db";

type Job = { work: (tx: Executor) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

let queue: Job[] = [];
/** Commits made and jobs they carried, so tests can see views share a commit. */
export const groupCommitStats = { commits: 0, jobs: 0 };

/**
 * Runs `work` in an IMMEDIATE transaction shared with the other views that
 * arrive in the same turn of the event loop: one commit, so one fsync
 * (synchronous=FULL stays), for several patients' page views. Each job runs in
 * its own savepoint, so one that throws undoes only its own writes. The
 * promise settles only after the commit, so every answer still waits for its
 * own audit row to be durable, and a failed commit fails every job in it.
 * For reads that write an audit row (or a miss) and nothing else.
 */
export function groupCommitted<T>(work: (tx: Executor) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (queue.length === 1) setImmediate(flush);
  });
}

function flush() {
  const batch = queue;
  queue = [];
  const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
  try {
    getDb().transaction(
      (tx) => {
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: tx.transaction((savepoint) => job.work(savepoint)) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      },
      { behavior: "immediate" },
    );
    groupCommitStats.commits++;
    groupCommitStats.jobs += batch.length;
  } catch (error) {
    for (const job of batch) job.reject(error);
    return;
  }
  batch.forEach((job, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}
