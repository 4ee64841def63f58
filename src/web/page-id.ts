import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '../common/domain-error';

/** The `:id` of a page address. */
export interface PageId {
  id: string;
}

/**
 * A page address with an id that cannot exist (not a UUID, e.g. a truncated link) is a page that
 * does not exist: the 404 page in the user's language, not the API's "id must be a UUID".
 */
@Injectable()
export class PageIdPipe implements PipeTransform<Record<string, unknown>, PageId> {
  transform(params: Record<string, unknown>): PageId {
    const id = params?.id;
    if (typeof id !== 'string' || !isUUID(id)) throw DomainError.notFound('page');
    return { id };
  }
}
