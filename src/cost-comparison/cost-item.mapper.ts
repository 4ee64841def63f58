import { moneyString } from '../common/money';
import { BarrierTagEntity } from './barrier-tag.entity';
import { BarrierTagDto, CostItemDto, CreateCostItemDto, UpdateCostItemDto } from './cost-item.dto';
import { CostItemEntity } from './cost-item.entity';
import { CostItemFields } from './cost-items.service';

export function mapCostItem(item: CostItemEntity): CostItemDto {
  return {
    key: item.key,
    version: item.version,
    label: item.labelNl,
    labelEn: item.labelEn,
    unit: item.unit,
    amount: moneyString(item.amount),
    year: item.priceYear,
    bearer: item.bearerKey,
    bearerLabel: item.bearerLabelNl,
    kind: item.kind,
    budgetEffect: item.budgetEffect,
    confidence: item.confidence,
    confidenceNote: item.confidenceNote,
    source: item.source,
    url: item.url,
    supersededAt: item.supersededAt ? item.supersededAt.toISOString() : null,
  };
}

export function mapBarrierTag(tag: BarrierTagEntity): BarrierTagDto {
  return { key: tag.key, label: tag.labelNl, labelEn: tag.labelEn };
}

export function toCostItemFields(dto: CreateCostItemDto): CostItemFields {
  return {
    labelNl: dto.label,
    labelEn: dto.labelEn,
    unit: dto.unit,
    amount: dto.amount,
    priceYear: dto.priceYear ?? null,
    bearerKey: dto.bearer,
    bearerLabelNl: dto.bearerLabel,
    kind: dto.kind,
    budgetEffect: dto.budgetEffect,
    confidence: dto.confidence,
    confidenceNote: dto.confidenceNote,
    source: dto.source,
    url: dto.url ?? null,
  };
}

/** Only the fields the client sent; undefined means "keep", null (priceYear, url) means "clear". */
export function toCostItemChanges(dto: UpdateCostItemDto): Partial<CostItemFields> {
  const changes: Partial<CostItemFields> = {
    labelNl: dto.label,
    labelEn: dto.labelEn,
    unit: dto.unit,
    amount: dto.amount,
    priceYear: dto.priceYear,
    bearerKey: dto.bearer,
    bearerLabelNl: dto.bearerLabel,
    kind: dto.kind,
    budgetEffect: dto.budgetEffect,
    confidence: dto.confidence,
    confidenceNote: dto.confidenceNote,
    source: dto.source,
    url: dto.url,
  };
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<CostItemFields>;
}
