import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { assembleSteeringReport, type SteeringReportSource } from './steering-report.assemble';
import { buildSteeringReportModel } from './steering-report.model';
import { renderSteeringReportPdf } from './steering-report.renderer';

/** Reports over more requests than this are built and rendered in the worker; smaller ones take < 0.3 s. */
const WORKER_REQUESTS = 300;

interface Pending {
  resolve(pdf: Buffer): void;
  reject(e: Error): void;
}

/**
 * Builds and renders steering-report PDFs. All three steps are synchronous: a report over 10,000
 * requests keeps the CPU busy for more than a second, and on the main thread every API call and page would
 * wait for it. Large reports therefore go to one worker thread, one after the other; small ones (and
 * the one-page justification) stay on the main thread, where they cost less than the hand-over.
 */
@Injectable()
export class ReportRenderer implements OnModuleDestroy {
  private readonly log = new Logger('ReportRenderer');
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * assembleSteeringReport + buildSteeringReportModel + renderSteeringReportPdf, off the main thread
   * when the report is large: the main thread only reads, the comparisons are computed in the worker.
   */
  async steering(data: SteeringReportSource): Promise<Buffer> {
    // the comparisons of both periods are computed where the report is assembled
    if (data.rows.length + data.previous.rows.length <= WORKER_REQUESTS) return renderSteeringReportPdf(buildSteeringReportModel(assembleSteeringReport(data)));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, data });
    });
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // compiled: render.worker.js next to this file; from source (ts-node, jest): the .ts through ts-node
    const fromSource = __filename.endsWith('.ts');
    const worker = new Worker(join(__dirname, `render.worker.${fromSource ? 'ts' : 'js'}`), {
      execArgv: fromSource ? ['-r', 'ts-node/register/transpile-only'] : [],
      // V8 lets a heap grow to several times what it holds before it collects; a 10,000-request
      // report holds about 85 MB at its largest. The ceiling keeps the service's memory bounded,
      // and a report that needs more fails on its own (the worker is replaced) instead of the service.
      // From source the TypeScript compiler (ts-node) lives in the worker's heap as well.
      resourceLimits: { maxOldGenerationSizeMb: this.config.reportWorkerHeapMb + (fromSource ? 512 : 0) },
    });
    worker.unref(); // an idle renderer must not keep the process alive
    worker.on('message', (m: { id: number; pdf?: Uint8Array; error?: string }) => {
      const job = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!job) return;
      if (m.pdf) job.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
      else job.reject(new Error(`report rendering failed: ${m.error}`));
    });
    const fail = (e: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const job of this.pending.values()) job.reject(e);
      this.pending.clear();
    };
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.log.error(`a steering report needed more than REPORT_WORKER_HEAP_MB=${this.config.reportWorkerHeapMb} MB; choose a shorter period or one fund, or raise the setting`);
      } else this.log.error(`report worker failed: ${e.stack ?? e.message}`);
      fail(e);
    });
    worker.on('exit', (code) => fail(new Error(`report worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
