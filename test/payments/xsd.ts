import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The hand-written, stricter-than-EPC subset of pain.001.001.09 shipped with the tests. */
export const SUBSET_XSD = join(__dirname, 'xsd', 'pain.001.001.09-subset.xsd');

/**
 * The schema the payment tests validate against: the official file named by PAIN001_XSD (the EPC's
 * SCT customer-to-PSP pain.001.001.09 XSD, or the ISO 20022 one) when set, else the subset. A
 * PAIN001_XSD that names no file fails the test run instead of quietly falling back.
 */
export function painSchema(): { path: string; official: boolean } {
  const env = process.env.PAIN001_XSD?.trim();
  if (!env) return { path: SUBSET_XSD, official: false };
  const path = resolve(env);
  if (!existsSync(path)) throw new Error(`PAIN001_XSD=${env}: no such file`);
  return { path, official: true };
}

/** `xmllint --noout --schema` of an XML text; exit status 0 and "validates" when the schema accepts it. */
export function xmllint(xml: string, schema: string = painSchema().path): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dbb-pain-'));
  try {
    const file = join(dir, 'batch.xml');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
    if (r.error) throw r.error;
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
