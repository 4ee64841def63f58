/**
 * Worker thread of ReportRenderer: assembles (comparisons included), builds and renders one steering
 * report at a time and posts back the PDF bytes. Only plain data crosses the thread boundary
 * (strings, numbers, dates, Maps): what SteeringReportDataService.read read.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { assembleSteeringReport, type SteeringReportSource } from './steering-report.assemble';
import { buildSteeringReportModel } from './steering-report.model';
import { renderSteeringReportPdf } from './steering-report.renderer';

interface Job {
  id: number;
  data: SteeringReportSource;
}

// A report is background work. On Linux every thread has its own nice value (/proc/thread-self
// names this thread's id), so the renderer gives the CPU to the API's thread and the database first.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
} catch {
  /* not Linux: normal priority */
}

parentPort?.on('message', (job: Job) => {
  Promise.resolve()
    .then(() => renderSteeringReportPdf(buildSteeringReportModel(assembleSteeringReport(job.data))))
    .then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
      parentPort!.postMessage({ id: job.id, pdf: bytes }, [bytes.buffer]);
    },
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.stack ?? e.message : String(e) }),
  );
});
