import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from './domain-error';
import { assertNoNul } from './input-guards';

function flatten(errors: ValidationError[], prefix: string[], where: string, out: FieldProblem[]): void {
  for (const e of errors) {
    const path = [...prefix, e.property];
    for (const [code, message] of Object.entries(e.constraints ?? {})) {
      const field = path.join('.');
      // class-validator names the bare property; name the full path so nested fields are findable
      const detail = message.startsWith(`${e.property} `) ? `${field}${message.slice(e.property.length)}` : message;
      out.push({ in: where, location: `#/${path.join('/')}`, code, detail });
    }
    if (e.children?.length) flatten(e.children, path, where, out);
  }
}

const WHERE: Record<string, string> = { body: 'body', query: 'query', param: 'path', custom: 'body' };

/** Labels each field problem with where it came from (body, query or path), as the problem details promise. */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      if (metadata.type !== 'custom') assertNoNul(value, WHERE[metadata.type] ?? 'body', metadata.data);
      return await super.transform(value, metadata);
    } catch (e) {
      if (e instanceof DomainError) {
        const where = WHERE[metadata.type] ?? 'body';
        for (const p of e.errors) p.in = where;
      }
      throw e;
    }
  }
}

/**
 * The global pipe: whitelist and refuse unknown properties, transform to DTO classes, and answer
 * bad input with a 400 problem whose detail names the field(s).
 */
export function createValidationPipe(): ValidationPipe {
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors: ValidationError[]) => {
      const out: FieldProblem[] = [];
      flatten(errors, [], 'body', out);
      const fields = [...new Set(out.map((p) => p.location.slice(2).replace(/\//g, '.')))];
      const detail = out.length
        ? `invalid ${fields.join(', ')}: ${out.map((p) => p.detail).join('; ')}`
        : 'the request is not valid';
      return new DomainError('invalid', 'VALIDATION', detail, out);
    },
  });
}
