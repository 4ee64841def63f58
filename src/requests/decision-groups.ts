import type { AuthUser } from '../auth/auth.decorators';
import type { AccessService, RequestAccess, RequestPurpose } from '../access/access.service';
import { scopeOf } from '../access/visibility';

/** What a group transaction reports for one of its steps. */
export type GroupOutcome<D> = { done: D } | { error: unknown } | { alone: true };

/** One decision step waiting for its fund's next group transaction. */
export interface GroupJob<S, D> {
  user: AuthUser;
  id: string;
  access: RequestAccess;
  work: (step: S) => Promise<unknown>;
  /** the same step in a transaction of its own (when the group cannot take it) */
  alone: () => Promise<D>;
  resolve: (done: D) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit, per fund and per process: a decision step that arrives while its fund's group
 * transaction is running waits, and the next transaction takes every step that waited (up to
 * `maxGroup`) under ONE fund lock, one read, one write statement and one COMMIT. A fund with
 * nothing running starts at once: a step alone waits for nothing but the turn of the event loop.
 *
 * `runGroup` does the work (RequestWorkflow.runGroup) and reports an outcome per step: its answer,
 * its own error, or `alone` (run it again in a transaction of its own). When the group's
 * transaction itself fails before it commits, nothing of it was written and every step runs again
 * alone, in order, so each still gets the answer or error it would have had without the group.
 * Other instances are not grouped with this one; the fund's row lock still orders them.
 */
export class DecisionGroups<S, D> {
  private readonly waiting = new Map<string, GroupJob<S, D>[]>();

  constructor(
    private readonly runGroup: (fundId: string, jobs: GroupJob<S, D>[]) => Promise<GroupOutcome<D>[]>,
    private readonly maxGroup = 64,
  ) {}

  submit(fundId: string, job: Omit<GroupJob<S, D>, 'resolve' | 'reject'>): Promise<D> {
    return new Promise<D>((resolve, reject) => {
      const queue = this.waiting.get(fundId);
      const full = { ...job, resolve, reject };
      if (queue) {
        queue.push(full);
        return;
      }
      this.waiting.set(fundId, [full]);
      // one turn of the event loop first, so that steps arriving together start together
      setImmediate(() => void this.drain(fundId));
    });
  }

  private async drain(fundId: string): Promise<void> {
    const queue = this.waiting.get(fundId)!;
    try {
      while (queue.length) await this.settle(queue.splice(0, this.maxGroup), fundId);
    } finally {
      this.waiting.delete(fundId);
    }
  }

  private async settle(jobs: GroupJob<S, D>[], fundId: string): Promise<void> {
    let outcomes: GroupOutcome<D>[];
    try {
      outcomes = await this.runGroup(fundId, jobs);
      if (outcomes.length !== jobs.length) throw new Error(`a group of ${jobs.length} steps reported ${outcomes.length} outcomes`);
    } catch (error) {
      if (!(error instanceof GroupFailedBeforeCommit)) {
        for (const job of jobs) job.reject(error);
        return;
      }
      outcomes = jobs.map(() => ({ alone: true }));
    }
    const again: GroupJob<S, D>[] = [];
    jobs.forEach((job, i) => {
      const o = outcomes[i];
      if ('done' in o) job.resolve(o.done);
      else if ('error' in o) job.reject(o.error);
      else again.push(job);
    });
    for (const job of again) {
      try {
        job.resolve(await job.alone());
      } catch (error) {
        job.reject(error);
      }
    }
  }
}

/** The group transaction failed before COMMIT (it rolled back, nothing of it was written). */
export class GroupFailedBeforeCommit extends Error {
  constructor(override readonly cause: unknown) {
    super(`group transaction failed before commit: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

interface AccessAsk {
  id: string;
  purpose: RequestPurpose;
  verb: string;
  resolve: (access: RequestAccess) => void;
  reject: (error: unknown) => void;
}

/**
 * The access checks of grouped decision steps, gathered for one turn of the event loop and asked
 * with one query per user (AccessService.requireRequests) instead of one per step. Only outside a
 * transaction (the steps check access before they join their fund's group); the answers are the
 * ones `requireRequest` gives, errors included.
 */
export class AccessBatcher {
  private pending = new Map<string, { user: AuthUser; asks: AccessAsk[] }>();
  private scheduled = false;

  constructor(
    private readonly access: AccessService,
    private readonly maxBatch = 200,
  ) {}

  require(user: AuthUser, id: string, purpose: RequestPurpose, verb: string): Promise<RequestAccess> {
    return new Promise<RequestAccess>((resolve, reject) => {
      // the same scope and roles decide the same way, so they share a query
      const key = `${JSON.stringify(scopeOf(user))}|${[...user.roles].sort().join(',')}`;
      const entry = this.pending.get(key) ?? { user, asks: [] };
      entry.asks.push({ id, purpose, verb, resolve, reject });
      this.pending.set(key, entry);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const entries = [...this.pending.values()];
    this.pending = new Map();
    for (const { user, asks } of entries) {
      for (let i = 0; i < asks.length; i += this.maxBatch) void this.ask(user, asks.slice(i, i + this.maxBatch));
    }
  }

  private async ask(user: AuthUser, asks: AccessAsk[]): Promise<void> {
    try {
      const results = await this.access.requireRequests(user, asks);
      asks.forEach((a, i) => {
        const r = results[i];
        if (r instanceof Error) a.reject(r);
        else a.resolve(r);
      });
    } catch (error) {
      for (const a of asks) a.reject(error);
    }
  }
}
