import { ValidationError, ValidationPipe } from '@nestjs/common';
import { Errors, FieldError } from '../errors/domain-error';

/** Flattens class-validator's tree into `errors: [{field, message}]` with dotted paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message: rule === 'whitelistValidation' ? 'is not a known field' : message.replace(new RegExp(`^${escape(error.property)} `), ''),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The one global pipe: unknown fields are rejected, values are transformed to DTO types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => Errors.validation(flattenValidationErrors(errors)),
  });
}
