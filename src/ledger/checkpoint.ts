import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './hash-chain';

/** One fund's chain head at the moment of a checkpoint. */
export interface CheckpointHead {
  seq: string;
  head: string;
}

/**
 * A signed statement "at `at`, these funds' chains ended here", one JSON line in the append-only
 * checkpoint file. The HMAC key lives outside the database, so someone who can rewrite the tables
 * (a database superuser) cannot make a shortened chain match a checkpoint written before.
 */
export interface Checkpoint {
  v: 1;
  at: string;
  funds: Record<string, CheckpointHead>;
  mac: string;
}

export type UnsignedCheckpoint = Omit<Checkpoint, 'mac'>;

export function signCheckpoint(body: UnsignedCheckpoint, key: Buffer): Checkpoint {
  return { ...body, mac: macOf(body, key) };
}

function macOf(body: UnsignedCheckpoint, key: Buffer): string {
  return createHmac('sha256', key).update(canonicalJson({ v: body.v, at: body.at, funds: body.funds })).digest('hex');
}

export interface ParsedCheckpoints {
  /** well-formed lines with a valid MAC, in file order */
  valid: Checkpoint[];
  /** 1-based line numbers of lines that do not parse or whose MAC is wrong */
  bad: number[];
}

/** Parse the checkpoint file's text and check every line's MAC. */
export function parseCheckpoints(text: string, key: Buffer): ParsedCheckpoints {
  const valid: Checkpoint[] = [];
  const bad: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const cp = JSON.parse(line) as Checkpoint;
      const ok =
        cp.v === 1 && typeof cp.at === 'string' && typeof cp.mac === 'string' && cp.funds && typeof cp.funds === 'object' &&
        Object.values(cp.funds).every((h) => typeof h?.seq === 'string' && /^\d+$/.test(h.seq) && typeof h.head === 'string');
      const expected = ok ? Buffer.from(macOf(cp, key), 'hex') : null;
      const given = Buffer.from(String(cp.mac), 'hex');
      if (expected && given.length === expected.length && timingSafeEqual(given, expected)) valid.push(cp);
      else bad.push(i + 1);
    } catch {
      bad.push(i + 1);
    }
  });
  return { valid, bad };
}

/** Per fund, the checkpointed head with the highest seq (a chain only grows). */
export function latestHeads(checkpoints: Checkpoint[]): Map<string, CheckpointHead & { at: string }> {
  const out = new Map<string, CheckpointHead & { at: string }>();
  for (const cp of checkpoints) {
    for (const [fundId, h] of Object.entries(cp.funds)) {
      const prev = out.get(fundId);
      if (!prev || BigInt(h.seq) >= BigInt(prev.seq)) out.set(fundId, { ...h, at: cp.at });
    }
  }
  return out;
}

/** Same heads as the previous checkpoint → no new line is needed. */
export function sameHeads(a: Record<string, CheckpointHead>, b: Record<string, CheckpointHead>): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The line printed in a steering report: when, how far the report's funds' chains reached, and the MAC. */
export function describeCheckpoint(cp: Checkpoint, fundIds: string[]): string {
  const heads = fundIds.map((id) => cp.funds[id]).filter((h): h is CheckpointHead => Boolean(h));
  const chain = heads.length === 1 ? `seq ${heads[0].seq}, head ${heads[0].head.slice(0, 16)}` : `${heads.length} chains`;
  return `${cp.at} · ${chain} · HMAC ${cp.mac.slice(0, 32)}`;
}
