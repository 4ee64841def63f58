import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SteeringReportData } from '../report-data.types';
import { buildSteeringReportModel } from './steering-report.model';
import { renderSteeringReportPdf } from './steering-report.renderer';

/** Reports over more requests than this are built and rendered in the worker; smaller ones take < 0.3 s. */
const WORKER_REQUESTS = 300;

interface Pending {
  resolve(pdf: Buffer): void;
  reject(e: Error): void;
}

/**
 * Builds and renders steering-report PDFs. Both are synchronous: a report over 10,000 requests
 * (900 pages) keeps the CPU busy for seconds, and on the main thread every API call and page would
 * wait for it. Large reports therefore go to one worker thread, one after the other; small ones (and
 * the one-page justification) stay on the main thread, where they cost less than the hand-over.
 */
@Injectable()
export class ReportRenderer implements OnModuleDestroy {
  private readonly log = new Logger('ReportRenderer');
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** buildSteeringReportModel + renderSteeringReportPdf, off the main thread when the report is large. */
  async steering(data: SteeringReportData): Promise<Buffer> {
    if (data.requests.length <= WORKER_REQUESTS) return renderSteeringReportPdf(buildSteeringReportModel(data));
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
    worker.on('error', (e) => {
      this.log.error(`report worker failed: ${e.stack ?? e.message}`);
      fail(e);
    });
    worker.on('exit', (code) => fail(new Error(`report worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
