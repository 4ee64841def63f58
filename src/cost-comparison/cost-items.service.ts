import { Injectable } from '@nestjs/common';
import Decimal from 'decimal.js';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Dec, MAX_AMOUNT } from '../common/money';
import { TransactionRunner } from '../database/transaction-runner';
import { BEARER_LABELS, BearerKey, isBearerKey } from './catalogue-csv';
import { BudgetEffect, Confidence, CostKind } from './comparison.types';
import { CostItemEntity } from './cost-item.entity';
import { CostItemsRepository } from './cost-items.repository';

export const COST_ITEM_KEY_PATTERN = /^[a-z][a-z0-9_]{2,63}$/;
export const COST_KINDS: readonly CostKind[] = ['fiscal', 'societal'];
export const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];
export const BUDGET_EFFECTS: readonly BudgetEffect[] = ['cash', 'capacity', 'none'];
export const MIN_PRICE_YEAR = 1990;
export const MAX_PRICE_YEAR = 2100;

/** The editable content of a cost item; one set of these values is one version. */
export interface CostItemFields {
  labelNl: string;
  labelEn: string;
  unit: string;
  /** euro amount in prices of priceYear */
  amount: Decimal.Value;
  /** null: the source gives no year, so the amount is never CPI-indexed */
  priceYear: number | null;
  bearerKey: BearerKey;
  /** defaults to the generic label of the bearer */
  bearerLabelNl?: string;
  kind: CostKind;
  /** default: cash for a fiscal item, none for a societal one */
  budgetEffect?: BudgetEffect;
  confidence: Confidence;
  confidenceNote?: string;
  source: string;
  url?: string | null;
}

type StoredFields = Omit<CostItemEntity, 'id' | 'key' | 'version' | 'createdBy' | 'createdAt' | 'supersededAt'>;

/**
 * The unit-cost catalogue. Items are versioned: a change inserts the next version and marks the
 * previous one superseded, so a request priced earlier keeps pointing at the figures it used.
 */
@Injectable()
export class CostItemsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly items: CostItemsRepository,
    private readonly clock: Clock,
  ) {}

  /** Current versions by key; with history every version, oldest first per key. */
  list(includeHistory = false): Promise<CostItemEntity[]> {
    return includeHistory ? this.items.findAllVersions() : this.items.findCurrent();
  }

  async create(key: string, fields: CostItemFields, actorId: string | null): Promise<CostItemEntity> {
    if (typeof key !== 'string' || !COST_ITEM_KEY_PATTERN.test(key)) {
      throw DomainError.invalidField('key', 'must be lower snake_case: a letter, then 2 to 63 letters, digits or underscores');
    }
    const stored = normalise(fields);
    return this.tx.run(async () => {
      if (await this.items.keyExists(key)) {
        throw DomainError.conflict('COST_ITEM.KEY_EXISTS', `cost item "${key}" already exists; change it with PATCH instead`);
      }
      return this.items.insert({ key, version: 1, ...stored, createdBy: actorId });
    });
  }

  /**
   * Make the next version of `key` with `changes` applied. A change that leaves every field as it
   * is returns the current version and creates nothing, so repeating a PATCH is harmless.
   */
  async update(key: string, changes: Partial<CostItemFields>, actorId: string | null): Promise<CostItemEntity> {
    return this.tx.run(async () => {
      const current = await this.items.findCurrentByKeyForUpdate(key);
      if (!current) {
        if (await this.items.keyExists(key)) {
          // The row we waited for was superseded by a concurrent change before we could lock it.
          throw DomainError.conflict('COST_ITEM.CONCURRENT_UPDATE', `cost item "${key}" was changed at the same time; try again`);
        }
        throw DomainError.notFound('cost item', key);
      }
      const bearerChanged = changes.bearerKey !== undefined && changes.bearerKey !== current.bearerKey;
      const next = normalise({
        labelNl: changes.labelNl ?? current.labelNl,
        labelEn: changes.labelEn ?? current.labelEn,
        unit: changes.unit ?? current.unit,
        amount: changes.amount ?? current.amount,
        priceYear: changes.priceYear === undefined ? current.priceYear : changes.priceYear,
        bearerKey: changes.bearerKey ?? (current.bearerKey as BearerKey),
        // a new bearer without a label of its own gets the generic one, not the old bearer's
        bearerLabelNl: changes.bearerLabelNl ?? (bearerChanged ? undefined : current.bearerLabelNl),
        kind: changes.kind ?? current.kind,
        // a change of kind without a budget effect of its own gets the kind's default
        budgetEffect: changes.budgetEffect ?? (changes.kind !== undefined && changes.kind !== current.kind ? undefined : current.budgetEffect),
        confidence: changes.confidence ?? current.confidence,
        confidenceNote: changes.confidenceNote ?? current.confidenceNote,
        source: changes.source ?? current.source,
        url: changes.url === undefined ? current.url : changes.url,
      });
      if (sameFields(current, next)) return current;
      await this.items.markSuperseded(current.id, this.clock.now());
      return this.items.insert({ key, version: current.version + 1, ...next, createdBy: actorId });
    });
  }
}

/** Check the domain rules (the DTOs check the same at the HTTP edge) and fill in defaults. */
function normalise(f: CostItemFields): StoredFields {
  for (const [field, value] of [['labelNl', f.labelNl], ['labelEn', f.labelEn], ['unit', f.unit], ['source', f.source]] as const) {
    if (typeof value !== 'string' || value.trim() === '') throw DomainError.invalidField(field, 'must not be empty');
  }
  let amount: Dec;
  try {
    amount = new Dec(f.amount);
  } catch {
    throw DomainError.invalidField('amount', 'must be a decimal amount');
  }
  if (!amount.isFinite() || amount.lte(0) || amount.gt(MAX_AMOUNT) || amount.decimalPlaces() > 2) {
    throw DomainError.invalidField('amount', 'must be above 0, at most 1000000000, with at most 2 decimals');
  }
  if (f.priceYear !== null && (!Number.isInteger(f.priceYear) || f.priceYear < MIN_PRICE_YEAR || f.priceYear > MAX_PRICE_YEAR)) {
    throw DomainError.invalidField('priceYear', `must be a year from ${MIN_PRICE_YEAR} to ${MAX_PRICE_YEAR}, or null`);
  }
  if (!isBearerKey(f.bearerKey)) throw DomainError.invalidField('bearer', `must be one of ${Object.keys(BEARER_LABELS).join(', ')}`);
  if (!COST_KINDS.includes(f.kind)) throw DomainError.invalidField('kind', `must be one of ${COST_KINDS.join(', ')}`);
  const budgetEffect = f.budgetEffect ?? (f.kind === 'societal' ? 'none' : 'cash');
  if (!BUDGET_EFFECTS.includes(budgetEffect)) throw DomainError.invalidField('budgetEffect', `must be one of ${BUDGET_EFFECTS.join(', ')}`);
  if (f.kind === 'societal' && budgetEffect !== 'none') {
    throw DomainError.invalidField('budgetEffect', 'must be none for a societal cost: no budget pays it, so avoiding it frees neither cash nor capacity');
  }
  if (f.kind === 'fiscal' && budgetEffect === 'none') {
    throw DomainError.invalidField('budgetEffect', 'must be cash or capacity for a fiscal cost');
  }
  if (!CONFIDENCES.includes(f.confidence)) {
    throw DomainError.invalidField('confidence', `must be one of ${CONFIDENCES.join(', ')}`);
  }
  return {
    labelNl: f.labelNl.trim(),
    labelEn: f.labelEn.trim(),
    unit: f.unit.trim(),
    amount,
    priceYear: f.priceYear,
    bearerKey: f.bearerKey,
    bearerLabelNl: f.bearerLabelNl?.trim() || BEARER_LABELS[f.bearerKey].nl,
    kind: f.kind,
    budgetEffect,
    confidence: f.confidence,
    confidenceNote: f.confidenceNote?.trim() ?? '',
    source: f.source.trim(),
    url: f.url?.trim() || null,
  };
}

function sameFields(current: CostItemEntity, next: StoredFields): boolean {
  return (Object.keys(next) as (keyof StoredFields)[]).every((k) =>
    k === 'amount' ? current.amount.equals(next.amount) : current[k] === next[k],
  );
}
