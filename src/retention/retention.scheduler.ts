import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { RetentionService } from './retention.service';

/**
 * Runs the retention job every RETENTION_JOB_MINUTES (first run one interval after boot, so a
 * restart loop does not hammer the database). Several instances may run it: each case is locked and
 * erased once.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly retention: RetentionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.retentionJobMinutes <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.retentionJobMinutes * 60_000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      try {
        const result = await this.retention.run({ dryRun: false, channel: 'job' });
        if (result.cases.length) this.logger.log(`erased the narratives of ${result.cases.length} case(s) closed before ${result.cutoff}`);
      } catch (e) {
        this.logger.error(`retention run failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    })();
    await this.running;
    this.running = null;
  }
}
