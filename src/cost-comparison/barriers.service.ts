import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { BarrierTagEntity } from './barrier-tag.entity';
import { BarrierTagsRepository } from './barrier-tags.repository';

/** The system barriers (systeemknelpunten) requests are tagged with, for the steering-group report. */
@Injectable()
export class BarriersService {
  constructor(private readonly tags: BarrierTagsRepository) {}

  listActive(): Promise<BarrierTagEntity[]> {
    return this.tags.findActive();
  }

  /** Refuse a tag that is unknown or no longer active; `field` names the list in the error (e.g. 'barriers'). */
  async assertActive(keys: readonly string[], field = 'barriers'): Promise<void> {
    if (keys.length === 0) return;
    const active = new Set((await this.tags.findActive()).map((t) => t.key));
    keys.forEach((key, i) => {
      if (!active.has(key)) {
        throw DomainError.invalidField(`${field}.${i}`, `unknown barrier "${key}"; see GET /api/v1/barriers`);
      }
    });
  }
}
