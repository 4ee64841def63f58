import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Matches, MaxLength, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { containsBsn } from './bsn';
import { MAX_AMOUNT, Dec } from './money';

const MONEY_PATTERN = /^(0|[1-9]\d{0,9})(\.\d{1,2})?$/;

function registerSimple(name: string, message: string, check: (value: unknown) => boolean, options?: ValidationOptions): PropertyDecorator {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: (value: unknown, _args: ValidationArguments) => check(value) },
    });
}

/**
 * Money in: a decimal string with at most two decimals, not negative, at most 1,000,000,000.
 * A JSON number is refused on purpose (floats are not money). `positive` also refuses zero.
 */
export function ValidateMoney(opts: { positive?: boolean; optional?: boolean; description?: string } = {}) {
  const positive = opts.positive ?? true;
  return applyDecorators(
    ApiProperty({ type: String, pattern: MONEY_PATTERN.source, example: '3000.00', required: !opts.optional, description: opts.description }),
    registerSimple(
      'isMoney',
      `$property must be a decimal string with at most 2 decimals${positive ? ', above 0' : ''} and at most 1000000000 (e.g. "3000.00")`,
      (v) => {
        if (v === undefined && opts.optional) return true;
        if (typeof v !== 'string' || !MONEY_PATTERN.test(v)) return false;
        const d = new Dec(v);
        return d.lte(MAX_AMOUNT) && (!positive || d.gt(0));
      },
    ),
  );
}

/** Free text that must not contain a citizen service number. */
export function NoBsn() {
  return registerSimple(
    'noBsn',
    '$property seems to contain a citizen service number (BSN); remove it — this system works with pseudonyms only',
    (v) => typeof v !== 'string' || !containsBsn(v),
  );
}

/** A required, trimmed, BSN-free text field. */
export function ValidateText(maxLength: number, apiOptions: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({ type: String, maxLength, ...apiOptions } as ApiPropertyOptions),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MaxLength(maxLength),
    NoBsn(),
  );
}

export function ValidateUuid() {
  return applyDecorators(ApiProperty({ type: String, format: 'uuid' }), IsUUID('all'));
}

/** Path parameter `:id` for every resource route. */
export class UuidParamDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The supported calendar: dates before 1900 or after 2200 are refused as input everywhere. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2200-12-31';

/** A YYYY-MM-DD string naming a day that exists (no 2026-02-30), from 1900 to 2200. */
export function isRealDate(value: string): boolean {
  if (!DATE_PATTERN.test(value) || value < MIN_DATE || value > MAX_DATE) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function ValidateDate(apiOptions: ApiPropertyOptions = {}) {
  return applyDecorators(
    ApiProperty({
      type: String, format: 'date', example: '2026-01-01', ...apiOptions,
      description: [apiOptions.description, `from ${MIN_DATE} to ${MAX_DATE}`].filter(Boolean).join('; '),
    } as ApiPropertyOptions),
    IsString(),
    Matches(DATE_PATTERN, { message: '$property must be a date as YYYY-MM-DD' }),
    registerSimple('isDateInRange', `$property must be a date from ${MIN_DATE} to ${MAX_DATE}`, (v) => typeof v !== 'string' || !DATE_PATTERN.test(v) || (v >= MIN_DATE && v <= MAX_DATE)),
    registerSimple('isRealDate', '$property must be a real calendar date', (v) => typeof v !== 'string' || !DATE_PATTERN.test(v) || v < MIN_DATE || v > MAX_DATE || isRealDate(v)),
  );
}

const SHARE_PATTERN = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

/** A share from 0 to 1 as a decimal string with at most 4 decimals ("0.25"); 1.5 or -0.1 is a 400. */
export function ValidateShare(opts: { optional?: boolean; nullable?: boolean; description?: string; example?: string } = {}) {
  return applyDecorators(
    ApiProperty({
      type: String, pattern: SHARE_PATTERN.source, example: opts.example ?? '0.1', required: !opts.optional,
      nullable: opts.nullable, description: opts.description,
    }),
    registerSimple(
      'isShare',
      '$property must be a share from 0 to 1 as a decimal string with at most 4 decimals (e.g. "0.25")',
      (v) => (v === undefined && !!opts.optional) || (v === null && !!opts.nullable) || (typeof v === 'string' && SHARE_PATTERN.test(v)),
    ),
  );
}

const RATE_PATTERN = /^\d(\.\d{1,4})?$/;

/**
 * A yearly rate as a decimal fraction string ("0.0225" = 2.25 %), not negative and at most `max`
 * (so that 2.25 meant as per cent is refused rather than read as 225 %).
 */
export function ValidateRate(opts: { max: string; optional?: boolean; description?: string; example?: string }) {
  return applyDecorators(
    ApiProperty({
      type: String, pattern: RATE_PATTERN.source, example: opts.example, required: !opts.optional,
      description: `${opts.description ?? ''} (a fraction from 0 to ${opts.max}, not negative)`.trim(),
    }),
    registerSimple(
      'isRate',
      `$property must be a rate as a decimal fraction from 0 to ${opts.max}, not negative, with at most 4 decimals (e.g. "0.0225" for 2.25 %)`,
      (v) => (v === undefined && !!opts.optional) || (typeof v === 'string' && RATE_PATTERN.test(v) && new Dec(v).lte(opts.max)),
    ),
  );
}
