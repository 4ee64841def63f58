import { DecisionGroups, GroupFailedBeforeCommit, GroupJob, GroupOutcome } from './decision-groups';

type Job = GroupJob<unknown, string>;

/** A runGroup whose groups the test finishes by hand, recording which jobs ran together. */
function manualRunner() {
  const groups: { fundId: string; ids: string[]; finish: (outcomes: GroupOutcome<string>[] | Error) => void }[] = [];
  const run = (fundId: string, jobs: Job[]) =>
    new Promise<GroupOutcome<string>[]>((resolve, reject) => {
      groups.push({ fundId, ids: jobs.map((j) => j.id), finish: (o) => (o instanceof Error ? reject(o) : resolve(o)) });
    });
  return { groups, run };
}

const job = (id: string, alone: () => Promise<string> = () => Promise.resolve(`alone:${id}`)) => ({
  user: { id: 'u' } as never,
  id,
  access: {} as never,
  work: () => Promise.resolve(),
  alone,
});
const turn = () => new Promise((r) => setImmediate(r));

describe('DecisionGroups', () => {
  it('starts a fund with nothing running at once, and groups what arrives meanwhile into the next transaction', async () => {
    const { groups, run } = manualRunner();
    const g = new DecisionGroups<unknown, string>(run);
    const a = g.submit('f1', job('a'));
    await turn();
    expect(groups.map((x) => x.ids)).toEqual([['a']]);
    const rest = ['b', 'c', 'd'].map((id) => g.submit('f1', job(id)));
    await turn();
    expect(groups).toHaveLength(1); // b, c and d wait for a's transaction
    groups[0].finish([{ done: 'A' }]);
    await expect(a).resolves.toBe('A');
    await turn();
    expect(groups.map((x) => x.ids)).toEqual([['a'], ['b', 'c', 'd']]);
    groups[1].finish([{ done: 'B' }, { error: new Error('C refused') }, { done: 'D' }]);
    await expect(Promise.allSettled(rest)).resolves.toEqual([
      { status: 'fulfilled', value: 'B' },
      { status: 'rejected', reason: new Error('C refused') },
      { status: 'fulfilled', value: 'D' },
    ]);
  });

  it('runs different funds side by side, and steps arriving in one turn together', async () => {
    const { groups, run } = manualRunner();
    const g = new DecisionGroups<unknown, string>(run);
    const all = [g.submit('f1', job('a')), g.submit('f2', job('x')), g.submit('f1', job('b'))];
    await turn();
    expect(groups.map((x) => [x.fundId, x.ids])).toEqual([['f1', ['a', 'b']], ['f2', ['x']]]);
    groups[1].finish([{ done: 'X' }]);
    groups[0].finish([{ done: 'A' }, { done: 'B' }]);
    await expect(Promise.all(all)).resolves.toEqual(['A', 'X', 'B']);
  });

  it('takes at most maxGroup steps per transaction', async () => {
    const { groups, run } = manualRunner();
    const g = new DecisionGroups<unknown, string>(run, 2);
    const all = ['a', 'b', 'c'].map((id) => g.submit('f', job(id)));
    await turn();
    expect(groups.map((x) => x.ids)).toEqual([['a', 'b']]);
    groups[0].finish([{ done: 'A' }, { done: 'B' }]);
    await turn();
    await turn();
    expect(groups.map((x) => x.ids)).toEqual([['a', 'b'], ['c']]);
    groups[1].finish([{ done: 'C' }]);
    await expect(Promise.all(all)).resolves.toEqual(['A', 'B', 'C']);
  });

  it('runs every step again alone, in order, when the group failed before its commit', async () => {
    const { groups, run } = manualRunner();
    const g = new DecisionGroups<unknown, string>(run);
    const order: string[] = [];
    const alone = (id: string, fail = false) => async () => {
      order.push(id);
      if (fail) throw new Error(`${id} failed alone`);
      return `alone:${id}`;
    };
    const all = [g.submit('f', job('a', alone('a'))), g.submit('f', job('b', alone('b', true))), g.submit('f', job('c', alone('c')))];
    await turn();
    groups[0].finish(new GroupFailedBeforeCommit(new Error('insert failed')));
    await expect(Promise.allSettled(all)).resolves.toEqual([
      { status: 'fulfilled', value: 'alone:a' },
      { status: 'rejected', reason: new Error('b failed alone') },
      { status: 'fulfilled', value: 'alone:c' },
    ]);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('fails every step with the error when the group failed at or after its commit, and runs alone what the group gave back', async () => {
    const { groups, run } = manualRunner();
    const g = new DecisionGroups<unknown, string>(run);
    const first = [g.submit('f', job('a')), g.submit('f', job('b'))];
    await turn();
    groups[0].finish(new Error('connection lost during COMMIT'));
    await expect(Promise.allSettled(first)).resolves.toEqual([
      { status: 'rejected', reason: new Error('connection lost during COMMIT') },
      { status: 'rejected', reason: new Error('connection lost during COMMIT') },
    ]);
    const second = [g.submit('f', job('c')), g.submit('f', job('d'))];
    await turn();
    groups[1].finish([{ alone: true }, { done: 'D' }]);
    await expect(Promise.all(second)).resolves.toEqual(['alone:c', 'D']);
  });
});
