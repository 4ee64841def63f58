import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { CostComparisonService } from '../cost-comparison/cost-comparison.service';
import { maatwerkCostOf } from '../cost-comparison/maatwerk-cost';
import { fundMethod } from '../funds/funds.read-models';
import { possibleDuplicates } from './duplicates';
import type { RequestDto } from './request.dto';
import { mapRequest } from './request.mapper';
import type { DecisionDone } from './request-workflow';

const bySeq = (a: string, b: string): number => {
  const d = BigInt(a) - BigInt(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/**
 * The answer of a decision step: the request as the step left it, built from what the step read
 * under its lock and what it wrote (RequestWorkflow.decide), in the order GET /requests/:id shows
 * it, without a query. The comparison uses the catalogue versions CostComparisonService keeps in
 * memory and the method of the fund the step holds.
 */
@Injectable()
export class RequestStepAnswer {
  constructor(
    private readonly costs: CostComparisonService,
    private readonly clock: Clock,
  ) {}

  async of(done: Pick<DecisionDone<unknown>, 'view' | 'fund' | 'access'>, locale: 'nl' | 'en' = 'nl'): Promise<RequestDto> {
    const { view, fund, access } = done;
    const r = view.request;
    const [comparison] = await this.costs.compareMany(
      [{ maatwerkCost: maatwerkCostOf(r), priceYear: r.priceYear, fundId: r.fundId, method: fundMethod(fund), lines: view.costLines }],
      locale,
    );
    return mapRequest(
      {
        request: r,
        full: access.full,
        caseCode: view.caseCode,
        fundName: fund.name,
        people: view.people,
        approvals: [...view.approvals].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
        duplicates: possibleDuplicates([r], view.candidates).get(r.id) ?? [],
        comparison,
        events: [...view.events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || bySeq(a.chainSeq, b.chainSeq)),
        outcomes: view.outcomes.map((outcome) => ({ outcome, realised: this.costs.realised(comparison, outcome) })),
      },
      this.clock.now(),
    );
  }
}
