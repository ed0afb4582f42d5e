/**
 * Group commit: writes that arrive together share one transaction, and so
 * one commit and one fsync, instead of paying one each. With WAL and
 * synchronous FULL (ADR 0002) a commit is durable when it returns; a write
 * queued here is acknowledged (its promise settles) only after the commit
 * of its whole batch has returned, so "acknowledged means durable" holds
 * for each write. If the commit fails, every write of the batch fails with
 * it and none is acknowledged.
 *
 * Each write runs in a savepoint of its own (a nested transaction),
 * so one that throws (a conflict, a bad input) is rolled back alone and
 * answered with its error, and the others of its batch still commit. The
 * writes of a batch run one after another on the one connection, in the
 * order they arrived: each sees the ones before it, as separate
 * transactions would.
 *
 * A batch is what has queued by the time the event loop gets to it
 * (setImmediate): requests read from the network in one turn of the loop,
 * typically those that arrived while the previous commit was syncing.
 */
import type { Db } from './database.ts';

interface Queued {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommit {
  /** Runs `work` in the next batch's transaction; settles once that batch is committed (or failed). */
  run<T>(work: () => T): Promise<T>;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const byDb = new WeakMap<Db, GroupCommit>();

export function groupCommit(db: Db): GroupCommit {
  let group = byDb.get(db);
  if (!group) {
    group = createGroupCommit(db);
    byDb.set(db, group);
  }
  return group;
}

function createGroupCommit(db: Db): GroupCommit {
  let queue: Queued[] = [];
  // better-sqlite3's own transaction functions, made once: called inside a transaction, one runs as a savepoint.
  // (drizzle's db.transaction would build a transaction object for every write and every batch.)
  const savepoint = db.$client.transaction((work: () => unknown) => work());
  const batchTransaction = db.$client.transaction((batch: Queued[], outcomes: Outcome[]) => {
    for (const item of batch) {
      try {
        outcomes.push({ ok: true, value: savepoint(item.work) });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
  });

  const flush = () => {
    const batch = queue;
    queue = [];
    const outcomes: Outcome[] = [];
    try {
      // IMMEDIATE, as every transaction here (database.ts): the write lock is taken at BEGIN.
      batchTransaction.immediate(batch, outcomes);
    } catch (error) {
      // The batch did not commit (disk full, the write lock not to be had): none of it is durable, none acknowledged.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  };

  return {
    run<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      });
    },
  };
}
