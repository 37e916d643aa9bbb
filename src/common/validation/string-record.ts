import { registerDecorator, ValidationOptions } from 'class-validator';

/** A JSON object whose keys and values are short strings (mappings such as carrier names). */
export function IsStringRecord(opts: { maxEntries?: number; allowedValues?: readonly string[]; allowedKeys?: readonly string[] } = {}, validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isStringRecord',
      target: object.constructor,
      propertyName,
      options: validationOptions,
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= (opts.maxEntries ?? 100) &&
            entries.every(
              ([k, v]) =>
                k.length > 0 && k.length <= 100 && typeof v === 'string' && v.length <= 500 &&
                (!opts.allowedKeys || opts.allowedKeys.includes(k)) &&
                (!opts.allowedValues || opts.allowedValues.includes(v)),
            )
          );
        },
        defaultMessage() {
          const keys = opts.allowedKeys ? ` with keys ${opts.allowedKeys.join('|')}` : '';
          const values = opts.allowedValues ? ` and values ${opts.allowedValues.join('|')}` : '';
          return `must be an object of strings${keys}${values}`;
        },
      },
    });
}
