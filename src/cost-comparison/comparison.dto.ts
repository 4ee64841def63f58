import { ApiProperty } from '@nestjs/swagger';

/**
 * The served shape of a cost comparison (comparison.types.ts), for the OpenAPI document. Every
 * money figure is a decimal string with 2 decimals; shares and factors are plain decimal strings.
 */
export class ComparisonRangeDto {
  @ApiProperty({ example: '80573.40' }) low!: string;
  @ApiProperty({ example: '107431.20' }) central!: string;
  @ApiProperty({ example: '134289.00' }) high!: string;
}

export class ComparisonMethodDto {
  @ApiProperty({ example: '0.1', description: "the fund's default deadweight: share avoided anyway, without the request" }) deadweight!: string;
  @ApiProperty({ example: '0.8', description: "the fund's default attribution: share of the effect due to the request" }) attribution!: string;
  @ApiProperty({ example: '0.2', description: 'share of the effect lost each year after the first' }) dropOff!: string;
  @ApiProperty({ example: '0.0225', description: 'real discount rate per year (default: Dutch standard discount rate 2.25 %, Werkgroep discontovoet 2020)' })
  discountRate!: string;
  @ApiProperty({ example: 5, description: 'a line counts at most this many years' }) horizonYears!: number;
}

export class ComparisonLineDto {
  @ApiProperty({ example: 'detention_day' }) costItemKey!: string;
  @ApiProperty({ example: 1 }) costItemVersion!: number;
  @ApiProperty() label!: string;
  @ApiProperty({ example: 'per dag' }) unit!: string;
  @ApiProperty({ example: 'justice' }) bearer!: string;
  @ApiProperty() bearerLabel!: string;
  @ApiProperty({ enum: ['fiscal', 'societal'] }) kind!: string;
  @ApiProperty({ enum: ['high', 'medium', 'low'] }) confidence!: string;
  @ApiProperty({ example: '262.00', description: 'catalogue amount in its own price year' }) sourceAmount!: string;
  @ApiProperty({ type: Number, nullable: true }) sourceYear!: number | null;
  @ApiProperty({ example: '358.10', description: 'indexed to priceYear (CPI), cents' }) unitAmount!: string;
  @ApiProperty({ example: '365', description: 'per year' }) quantity!: string;
  @ApiProperty({ example: '0.8' }) probability!: string;
  @ApiProperty({ example: '104565.20', description: 'round(unitAmount × quantity × probability): one year' }) expected!: string;
  @ApiProperty({ description: 'round(gross × (1 − band(confidence)))' }) low!: string;
  @ApiProperty({ description: 'round(gross × (1 + band(confidence)))' }) high!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() unindexed!: boolean;
  @ApiProperty({ enum: ['cash', 'capacity', 'none'], description: 'what avoiding it frees for the bearer' }) budgetEffect!: string;
  @ApiProperty({ example: 1, description: 'years the cost recurs, as entered' }) years!: number;
  @ApiProperty({ example: 1, description: 'min(years, method.horizonYears)' }) yearsCounted!: number;
  @ApiProperty({ example: '0.1' }) deadweight!: string;
  @ApiProperty({ example: '0.8' }) attribution!: string;
  @ApiProperty({ description: 'true when deadweight and attribution are the fund defaults' }) defaultShares!: boolean;
  @ApiProperty({ example: '1', description: 'Σ_{t<yearsCounted} 1/(1+r)^t, 6 decimals' }) grossFactor!: string;
  @ApiProperty({ example: '1', description: 'Σ_{t<yearsCounted} (1−dropOff)^t/(1+r)^t, 6 decimals' }) netFactor!: string;
  @ApiProperty({ description: 'round(expected × grossFactor)' }) gross!: string;
  @ApiProperty({ description: 'round(expected × (1 − deadweight) × attribution × netFactor)' }) net!: string;
  @ApiProperty() netLow!: string;
  @ApiProperty() netHigh!: string;
}

export class ComparisonByKindDto {
  @ApiProperty({ type: ComparisonRangeDto }) fiscal!: ComparisonRangeDto;
  @ApiProperty({ type: ComparisonRangeDto }) societal!: ComparisonRangeDto;
}

export class ComparisonByBudgetEffectDto {
  @ApiProperty({ type: ComparisonRangeDto, description: 'frees money the bearer would have paid out' }) cash!: ComparisonRangeDto;
  @ApiProperty({ type: ComparisonRangeDto, description: 'frees only staff time or places paid for anyway' }) capacity!: ComparisonRangeDto;
  @ApiProperty({ type: ComparisonRangeDto, description: 'societal cost, no budget' }) none!: ComparisonRangeDto;
}

export class ComparisonBearerDto {
  @ApiProperty() bearer!: string;
  @ApiProperty() bearerLabel!: string;
  @ApiProperty({ description: 'gross' }) low!: string;
  @ApiProperty({ description: 'gross' }) central!: string;
  @ApiProperty({ description: 'gross' }) high!: string;
  @ApiProperty({ type: ComparisonRangeDto }) net!: ComparisonRangeDto;
}

export class ComparisonDto {
  @ApiProperty({ example: 2026 }) priceYear!: number;
  @ApiProperty({ type: [String] }) priceNotes!: string[];
  @ApiProperty({ type: [ComparisonLineDto] }) lines!: ComparisonLineDto[];
  @ApiProperty({ example: '3000.00' }) maatwerkCost!: string;
  @ApiProperty({ type: ComparisonRangeDto, description: 'gross: Σ line gross (= Σ expected for one-year lines), uncorrected' })
  avoidedCost!: ComparisonRangeDto;
  @ApiProperty({ type: ComparisonRangeDto, description: 'net of deadweight, attribution and drop-off, discounted: Σ line net' })
  avoidedCostNet!: ComparisonRangeDto;
  @ApiProperty({ type: ComparisonMethodDto }) method!: ComparisonMethodDto;
  @ApiProperty({ type: ComparisonByKindDto, description: 'gross' }) avoidedByKind!: ComparisonByKindDto;
  @ApiProperty({ type: ComparisonByKindDto, description: 'net' }) avoidedNetByKind!: ComparisonByKindDto;
  @ApiProperty({ type: ComparisonByBudgetEffectDto, description: 'net' }) avoidedNetByBudgetEffect!: ComparisonByBudgetEffectDto;
  @ApiProperty({ description: 'avoidedCost.central − maatwerkCost' }) netBenefit!: string;
  @ApiProperty({ type: String, nullable: true, description: 'avoidedCost.central / maatwerkCost, 2 decimals' }) ratio!: string | null;
  @ApiProperty({ description: 'avoidedCostNet.central − maatwerkCost' }) netBenefitNet!: string;
  @ApiProperty({ type: String, nullable: true, description: 'avoidedCostNet.central / maatwerkCost, 2 decimals' }) ratioNet!: string | null;
  @ApiProperty({ type: [ComparisonBearerDto] }) byBearer!: ComparisonBearerDto[];
}
