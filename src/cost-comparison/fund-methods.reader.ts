import type { ComparisonMethod } from './method';

/**
 * The comparison method each fund is set to (its default shares, drop-off, rate and horizon).
 * The funds feature owns the settings and provides this reader (funds.read-models.ts), so that
 * cost-comparison does not import funds.
 */
export abstract class FundMethodsReader {
  abstract methodsOf(fundIds: readonly string[]): Promise<Map<string, ComparisonMethod>>;
}
