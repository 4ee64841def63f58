/**
 * Renders the fixture reports so they can be looked at:
 *   npx ts-node src/reports/render-fixture-cli.ts [folder]   (default: reports/)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildJustificationModel } from './justification.model';
import { renderJustificationPdf } from './justification.renderer';
import { justificationFixture, steeringFixture } from './report-fixtures';
import { largeSteeringFixture } from './report-fixtures-large';
import { buildSteeringReportModel } from './steering-report.model';
import { renderSteeringReportPdf } from './steering-report.renderer';

async function main(folder: string): Promise<void> {
  mkdirSync(folder, { recursive: true });
  const english = { ...steeringFixture(), locale: 'en' as const };
  const outputs: [string, Promise<Buffer>][] = [
    ['fixture-steering.pdf', renderSteeringReportPdf(buildSteeringReportModel(steeringFixture()))],
    ['fixture-steering-en.pdf', renderSteeringReportPdf(buildSteeringReportModel(english))],
    ['fixture-steering-1000.pdf', renderSteeringReportPdf(buildSteeringReportModel(largeSteeringFixture(1000)))],
    ['fixture-justification.pdf', renderJustificationPdf(buildJustificationModel(justificationFixture()))],
  ];
  for (const [name, pdf] of outputs) {
    const file = join(folder, name);
    writeFileSync(file, await pdf);
    process.stdout.write(`${file}\n`);
  }
}

main(resolve(process.argv[2] ?? 'reports')).catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
