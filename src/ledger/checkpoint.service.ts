import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { Checkpoint, latestHeads, parseCheckpoints, ParsedCheckpoints, sameHeads, signCheckpoint } from './checkpoint';
import { CheckpointRepository } from './checkpoint.repository';
import type { VerifyCheck } from './ledger.types';

export const CHECKPOINT_FILE = 'ledger-checkpoints.jsonl';
export const CHECKPOINT_KEY_FILE = 'ledger-checkpoint.key';

/**
 * Anchors every fund's chain head outside the database: a signed checkpoint line appended to
 * DATA_DIR/ledger-checkpoints.jsonl (HMAC-SHA256 with DATA_DIR/ledger-checkpoint.key, made on first
 * use), on a timer, and for every steering report (which prints it). The verifier compares the
 * chains with the latest checkpoint: a chain that ends before a checkpointed seq was cut.
 */
@Injectable()
export class CheckpointService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('LedgerCheckpoints');
  private timer: NodeJS.Timeout | null = null;
  private cachedKey: Buffer | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: CheckpointRepository,
    private readonly clock: Clock,
  ) {}

  get file(): string {
    return join(this.config.dataDir, CHECKPOINT_FILE);
  }

  onModuleInit(): void {
    const minutes = this.config.ledgerCheckpointMinutes;
    if (!minutes) return;
    this.timer = setInterval(() => {
      this.write().catch((e: Error) => this.log.warn(`checkpoint not written: ${e.message}`));
    }, minutes * 60_000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The key, created (0600) on first use; kept out of the database on purpose. */
  private key(): Buffer {
    if (this.cachedKey) return this.cachedKey;
    const file = join(this.config.dataDir, CHECKPOINT_KEY_FILE);
    mkdirSync(this.config.dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    this.cachedKey = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    return this.cachedKey;
  }

  /** All checkpoint lines, each checked against the key. */
  read(): ParsedCheckpoints {
    const text = existsSync(this.file) ? readFileSync(this.file, 'utf8') : '';
    return parseCheckpoints(text, this.key());
  }

  /**
   * Append a checkpoint of the current heads, unless they equal the last one (then that one is
   * returned). Null when no fund has a chain yet.
   */
  async write(): Promise<Checkpoint | null> {
    const rows = await this.repo.heads();
    if (!rows.length) return null;
    const funds = Object.fromEntries(rows.map((r) => [r.id, { seq: r.chain_seq, head: r.chain_head }]));
    const last = this.read().valid.at(-1);
    if (last && sameHeads(last.funds, funds)) return last;
    const cp = signCheckpoint({ v: 1, at: this.clock.now().toISOString(), funds }, this.key());
    mkdirSync(this.config.dataDir, { recursive: true });
    // one write of one line with O_APPEND: concurrent writers (instances, the CLI) do not interleave
    appendFileSync(this.file, JSON.stringify(cp) + '\n', { mode: 0o600, flag: 'a' });
    return cp;
  }

  /**
   * Compare the chains with the latest checkpoint of each fund. `anchors` must be read before the
   * database snapshot is taken, so that every checkpointed head is visible in it. Checkpoints of
   * funds not in this database are ignored (the file may be shared by several databases).
   */
  async check(anchors: ParsedCheckpoints, funds: { id: string; name: string; chainSeq: string }[]): Promise<VerifyCheck> {
    const texts: string[] = [];
    if (anchors.bad.length) {
      texts.push(`checkpoint file line(s) ${anchors.bad.slice(0, 5).join(', ')} do not carry a valid signature (file edited, or another key)`);
    }
    const latest = latestHeads(anchors.valid);
    let anchored = 0;
    let firstBroken: VerifyCheck['firstBroken'];
    for (const fund of funds) {
      const cp = latest.get(fund.id);
      if (!cp) continue;
      anchored += 1;
      if (BigInt(fund.chainSeq) < BigInt(cp.seq)) {
        texts.push(`fund ${fund.name}: the chain ends at seq ${fund.chainSeq}, but the checkpoint of ${cp.at} anchors seq ${cp.seq}: records were removed from its tail`);
        firstBroken ??= { table: 'funds', id: fund.id, chainSeq: fund.chainSeq };
        continue;
      }
      const hash = await this.repo.hashAt(fund.id, cp.seq);
      if (hash !== cp.head) {
        texts.push(`fund ${fund.name}: the record at seq ${cp.seq} ${hash ? 'has another hash than' : 'is missing from'} the checkpoint of ${cp.at}: the chain was rewritten`);
        firstBroken ??= { table: 'funds', id: fund.id, chainSeq: cp.seq };
      }
    }
    if (!texts.length) {
      return { name: 'checkpoints', ok: true, detail: `${anchored} of ${funds.length} fund chains reach their latest signed checkpoint (${anchors.valid.length} checkpoints in ${CHECKPOINT_FILE})` };
    }
    return { name: 'checkpoints', ok: false, detail: texts.slice(0, 5).join('; '), ...(firstBroken ? { firstBroken } : {}) };
  }
}
