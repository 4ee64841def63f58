import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString } from 'class-validator';

/**
 * A quantity-like value (never money) that clients may send as a JSON number or a decimal string:
 * `365` and `"365"`, `0.5` and `"0.5"`. A finite number is turned into its shortest decimal string
 * (so 1e-7 becomes "1e-7" and is refused by the pattern downstream, naming the field); anything that
 * is not a finite number or a string is refused here. The range and precision checks stay where the
 * value is parsed into a decimal, so both forms meet exactly the same rules.
 */
export function ValidateDecimalInput(field: string, opts: { pattern: string; example: string; description: string }) {
  return applyDecorators(
    ApiProperty({
      oneOf: [
        { type: 'string', pattern: opts.pattern, example: opts.example },
        { type: 'number', example: Number(opts.example) },
      ],
      description: `${opts.description}; a JSON number or a decimal string`,
    }),
    Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value)),
    IsString({ message: `${field} must be a number or a decimal string such as "${opts.example}"` }),
  );
}

