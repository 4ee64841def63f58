/**
 * Smoke tests of the PDF renderers with poppler-utils (pdftotext, pdfinfo, pdffonts) and qpdf:
 * `apt-get install -y poppler-utils qpdf`. PDFs are written to a temporary folder only.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildJustificationModel } from './justification/justification.model';
import { renderJustificationPdf } from './justification/justification.renderer';
import { justificationFixture, steeringFixture } from '../../test/reports/fixtures/report-fixtures';
import { largeSteeringFixture } from '../../test/reports/fixtures/report-fixtures-large';
import { buildSteeringReportModel } from './steering/steering-report.model';
import { renderSteeringReportPdf } from './steering/steering-report.renderer';

const dir = mkdtempSync(join(tmpdir(), 'doorbraak-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tool(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${cmd} is missing: apt-get install -y poppler-utils qpdf`);
    throw new Error(`${cmd} failed: ${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

async function written(name: string, pdf: Promise<Buffer>): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await pdf);
  return file;
}

/** Text per page, no-break spaces as plain spaces. */
function pages(file: string): string[] {
  return tool('pdftotext', ['-layout', file, '-']).replace(/\u00a0/g, ' ').split('\f').slice(0, -1);
}

function info(file: string, key: string): string {
  return new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(tool('pdfinfo', [file]))?.[1] ?? '';
}

interface Word {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function words(file: string): Word[] {
  const out: Word[] = [];
  let page = 0;
  const re = /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of tool('pdftotext', ['-bbox', file, '-']).matchAll(re)) {
    if (m[0].startsWith('<page')) page += 1;
    else out.push({ page, text: m[5], x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) });
  }
  return out;
}

/** Words whose boxes overlap another word's box: text drawn over text. */
function overlaps(all: Word[]): string[] {
  const found: string[] = [];
  const sorted = [...all].sort((a, b) => a.page - b.page || a.y0 - b.y0);
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].page === a.page && sorted[j].y0 < a.y1 - 1; j += 1) {
      const b = sorted[j];
      if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5) found.push(`p${a.page}: "${a.text}" / "${b.text}"`);
    }
  }
  return found;
}

/** Words outside the printable area between the side margins. */
function outsideMargins(all: Word[]): string[] {
  return all.filter((w) => w.x0 < 55.5 || w.x1 > 595.28 - 55.5).map((w) => `p${w.page}: ${w.text}`);
}

describe('renderSteeringReportPdf', () => {
  const small = written('steering.pdf', renderSteeringReportPdf(buildSteeringReportModel(steeringFixture())));

  it('produces a PDF', async () => {
    await expect(
      small.then((file) => tool('head', ['-c', '5', file])),
    ).resolves.toBe('%PDF-');
  });

  it('passes qpdf --check', async () => {
    await expect(small.then((file) => tool('qpdf', ['--check', file]))).resolves.toContain('No syntax or stream encoding errors found');
  });

  it('is a tagged PDF 1.7 with title and Dutch language', async () => {
    await expect(
      small.then((file) => [info(file, 'Tagged'), info(file, 'PDF version'), info(file, 'Title'), tool('qpdf', ['--show-object=trailer', file])]),
    ).resolves.toEqual([
      'yes',
      '1.7',
      'Stuurgroeprapportage Doorbraakbudget – Doorbraakfonds Utrecht Noordwest 2026',
      expect.stringContaining('/Root'),
    ]);
  });

  it('declares nl-NL as the document language', async () => {
    await expect(small.then((file) => tool('qpdf', ['--qdf', '--object-streams=disable', file, '-']))).resolves.toContain('/Lang (nl-NL)');
  });

  it('embeds the regular and bold font', async () => {
    await expect(
      small.then((file) => tool('pdffonts', [file]).split('\n').filter((l) => /DejaVu/.test(l)).map((l) => /yes yes yes/.test(l))),
    ).resolves.toEqual([true, true]);
  });

  it('shows the canonical rail-pass figures and Dutch diacritics', async () => {
    const expected = ['€ 3.000,00', '€ 45.926,16', '€ 33.066,84', '€ 30.066,84', 'Eén budgethouder', 'geëvalueerd', 'café-bovenwoning', 'Casuïstiekvergaderingen'];
    await expect(small.then((file) => { const text = pages(file).join('\n'); return expected.filter((e) => !text.includes(e)); })).resolves.toEqual([]);
  });

  it('numbers every page and runs the header on every page but the cover', async () => {
    const header = 'Doorbraakfonds Utrecht Noordwest 2026 · 1 jan. 2026 – 22 nov. 2026';
    await expect(
      small.then((file) => pages(file).map((p, i, all) => [p.includes(`Pagina ${i + 1} van ${all.length}`), p.includes(header)])),
    ).resolves.toEqual([[true, false], ...Array.from({ length: 13 }, () => [true, true])]);
  });

  it('draws no text over other text and nothing outside the margins', async () => {
    await expect(small.then((file) => { const w = words(file); return [...overlaps(w), ...outsideMargins(w)]; })).resolves.toEqual([]);
  });
});

describe('renderSteeringReportPdf with 1,000 requests', () => {
  const big = written('steering-1000.pdf', renderSteeringReportPdf(buildSteeringReportModel(largeSteeringFixture(1000))));

  it('numbers all pages as "Pagina X van Y" and stays within 40 pages', async () => {
    await expect(
      big.then((file) => { const all = pages(file); return all.every((p, i) => p.includes(`Pagina ${i + 1} van ${all.length}`)) && all.length <= 40; }),
    ).resolves.toBe(true);
  });

  it('lists the top 50 in Appendix A, repeating its header row, and says where the complete list is', async () => {
    await expect(
      big.then((file) => {
        const all = pages(file);
        const first = all.findIndex((p) => p.includes('Bijlage A'));
        const last = all.findIndex((p) => p.includes('Bijlage B'));
        const missing = all.slice(first, last).filter((p) => !/Aanvraag\s+Levensdomein\s+Status\s+Bedrag/.test(p));
        return { note: /De 50 aanvragen met de hoogste vermeden kosten van 1\.0\d\d/.test(all[first].replace(/\s+/g, ' ')), missing };
      }),
    ).resolves.toEqual({ note: true, missing: [] });
  });

  it('attaches the complete lists as CSV files, every request with its title in full', async () => {
    await expect(
      big.then((file) => {
        const dir = mkdtempSync(join(tmpdir(), 'attach-'));
        tool('pdfdetach', ['-saveall', '-o', dir, file]);
        const csv = readFileSync(join(dir, 'aanvragen.csv'), 'utf8');
        return [tool('pdfdetach', ['-list', file]).includes('te-laat.csv'), csv.split('\r\n').length - 2, csv.includes('dan opnieuw opstapelen bij de zorgverzekeraar')];
      }),
    ).resolves.toEqual([true, largeSteeringFixture(1000).requests.length, true]);
  });

  it('has an outline with the chapters and clickable source links', async () => {
    await expect(
      big.then((file) => {
        const qdf = tool('qpdf', ['--qdf', '--object-streams=disable', file, '-']);
        return [/\/Outlines \d+ 0 R/.test(qdf), qdf.includes('/Title (Bijlage B'), /\/S \/URI/.test(qdf)];
      }),
    ).resolves.toEqual([true, true, true]);
  });

  it('draws no text over other text and nothing outside the margins', async () => {
    await expect(big.then((file) => { const w = words(file); return [...overlaps(w), ...outsideMargins(w)]; })).resolves.toEqual([]);
  });

  it('passes qpdf --check', async () => {
    await expect(big.then((file) => tool('qpdf', ['--check', file]))).resolves.toContain('No syntax or stream encoding errors found');
  });
});

describe('renderJustificationPdf', () => {
  const one = written('justification.pdf', renderJustificationPdf(buildJustificationModel(justificationFixture())));

  it('fits the rail-pass justification on one page', async () => {
    await expect(one.then((file) => info(file, 'Pages'))).resolves.toBe('1');
  });

  it('shows what, for whom, the priced route, the approval and the payment', async () => {
    await expect(one.then((file) => pages(file).join('\n'))).resolves.toEqual(
      expect.stringMatching(/UNW-7K3Q[\s\S]*Bijzondere bijstand[\s\S]*€ 35\.511,36[\s\S]*Ahmed El Khatib[\s\S]*NS-2026-000417[\s\S]*Pagina 1 van 1/),
    );
  });

  it('passes qpdf --check as a tagged PDF', async () => {
    await expect(
      one.then((file) => [tool('qpdf', ['--check', file]).includes('No syntax or stream encoding errors found'), info(file, 'Tagged')]),
    ).resolves.toEqual([true, 'yes']);
  });

  it('draws no text over other text and nothing outside the margins', async () => {
    await expect(one.then((file) => { const w = words(file); return [...overlaps(w), ...outsideMargins(w)]; })).resolves.toEqual([]);
  });
});
