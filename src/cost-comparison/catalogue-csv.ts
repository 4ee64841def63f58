import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Dec, MAX_AMOUNT } from '../common/money';
import { Confidence, CostKind } from './comparison.types';

/** Who would pay a cost of the conventional route ("kostendrager"). */
export type BearerKey =
  | 'justice'
  | 'police'
  | 'health_insurer'
  | 'municipality'
  | 'housing_corporation'
  | 'society'
  | 'employer'
  | 'household';

/**
 * Generic labels per bearer. A catalogue row carries its own, sometimes more specific, Dutch label
 * ("Justitie (DJI)"); these are what reports use when they group by bearer across items.
 */
export const BEARER_LABELS: Readonly<Record<BearerKey, { nl: string; en: string }>> = {
  justice: { nl: 'Justitie', en: 'Justice' },
  police: { nl: 'Politie', en: 'Police' },
  health_insurer: { nl: 'Zorgverzekeraar', en: 'Health insurer' },
  municipality: { nl: 'Gemeente', en: 'Municipality' },
  housing_corporation: { nl: 'Woningcorporatie', en: 'Housing corporation' },
  society: { nl: 'Samenleving', en: 'Society' },
  employer: { nl: 'Werkgever', en: 'Employer' },
  household: { nl: 'Huishouden / mantelzorger', en: 'Household / informal carer' },
};

export function isBearerKey(value: string): value is BearerKey {
  return Object.prototype.hasOwnProperty.call(BEARER_LABELS, value);
}

/** One unit cost of the shipped catalogue, ready to be inserted as version 1 of a cost item. */
export interface CostItemSeed {
  key: string;
  labelNl: string;
  labelEn: string;
  unit: string;
  /** euro amount in prices of `priceYear`, exactly two decimals */
  amount: string;
  /** null where the source states no year; such items are never CPI-indexed */
  priceYear: number | null;
  bearerKey: BearerKey;
  bearerLabelNl: string;
  kind: CostKind;
  confidence: Confidence;
  confidenceNote: string;
  source: string;
  url: string | null;
}

const COLUMNS = [
  'key',
  'label_nl',
  'label_en',
  'unit',
  'amount_eur',
  'price_year',
  'bearer_key',
  'bearer_label_nl',
  'kind',
  'confidence',
  'confidence_note',
  'source',
  'url',
] as const;
type Column = (typeof COLUMNS)[number];

const KINDS: readonly CostKind[] = ['fiscal', 'societal'];
const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];
const AMOUNT_PATTERN = /^\d+(\.\d{1,2})?$/;
const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Path of the catalogue shipped with the code (copied next to the compiled file as an asset). */
export const UNIT_COSTS_CSV_PATH = path.join(__dirname, 'data', 'unit-costs.csv');

/**
 * Parse the unit-cost catalogue. Rows are checked strictly because these figures end up in
 * steering-group reports: a silently mis-read amount or bearer would be worse than a failed seed.
 * Errors name the row as a spreadsheet shows it (header = row 1) and the column.
 */
export function loadCatalogueSeed(csvText?: string): CostItemSeed[] {
  const text = csvText ?? readFileSync(UNIT_COSTS_CSV_PATH, 'utf8');
  const records = parse(text, { bom: true, skip_empty_lines: true });
  const [header, ...rows] = records;
  if (!header || header.join(',') !== COLUMNS.join(',')) {
    throw new Error(`unit-costs.csv: header must be "${COLUMNS.join(',')}", got "${(header ?? []).join(',')}"`);
  }
  const seen = new Set<string>();
  return rows.map((cells, index) => {
    const rowNo = index + 2;
    if (cells.length !== COLUMNS.length) {
      throw new Error(`unit-costs.csv row ${rowNo}: expected ${COLUMNS.length} columns, got ${cells.length}`);
    }
    const seed = parseRow(rowNo, cells);
    if (seen.has(seed.key)) throw new Error(`unit-costs.csv row ${rowNo}, column key: duplicate key "${seed.key}"`);
    seen.add(seed.key);
    return seed;
  });
}

function parseRow(rowNo: number, cells: string[]): CostItemSeed {
  const cell = (column: Column): string => cells[COLUMNS.indexOf(column)].trim();
  const fail = (column: Column, problem: string): never => {
    throw new Error(`unit-costs.csv row ${rowNo}, column ${column}: ${problem} (got "${cell(column)}")`);
  };
  const required = (column: Column): string => cell(column) || fail(column, 'must not be empty');

  const key = required('key');
  if (!KEY_PATTERN.test(key)) fail('key', 'must be lower snake_case');

  const amountText = required('amount_eur');
  if (!AMOUNT_PATTERN.test(amountText)) fail('amount_eur', 'must be a decimal with at most 2 decimals');
  const amount = new Dec(amountText);
  if (amount.isZero() || amount.greaterThan(MAX_AMOUNT)) fail('amount_eur', 'must be above 0 and at most 1000000000');

  let priceYear: number | null = null;
  const yearText = cell('price_year');
  if (yearText !== '') {
    if (!/^\d{4}$/.test(yearText)) fail('price_year', 'must be a four-digit year or empty');
    priceYear = Number.parseInt(yearText, 10);
    if (priceYear < 1900 || priceYear > 2100) fail('price_year', 'must be between 1900 and 2100');
  }

  const bearerKey = required('bearer_key');
  if (!isBearerKey(bearerKey)) fail('bearer_key', `must be one of ${Object.keys(BEARER_LABELS).join(', ')}`);
  const kind = required('kind');
  if (!isOneOf(kind, KINDS)) fail('kind', `must be one of ${KINDS.join(', ')}`);
  const confidence = required('confidence');
  if (!isOneOf(confidence, CONFIDENCES)) fail('confidence', `must be one of ${CONFIDENCES.join(', ')}`);

  // The url column sometimes lists several addresses or a note after the first one; we only
  // require that it starts like a web address so that a shifted column is caught.
  const url = cell('url') || null;
  if (url !== null && !/^https?:\/\//.test(url)) fail('url', 'must start with http:// or https:// or be empty');

  return {
    key,
    labelNl: required('label_nl'),
    labelEn: required('label_en'),
    unit: required('unit'),
    amount: amount.toFixed(2),
    priceYear,
    bearerKey: bearerKey as BearerKey,
    bearerLabelNl: required('bearer_label_nl'),
    kind: kind as CostKind,
    confidence: confidence as Confidence,
    confidenceNote: cell('confidence_note'),
    source: required('source'),
    url,
  };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}
