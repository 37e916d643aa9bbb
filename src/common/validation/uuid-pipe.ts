import { ParseUUIDPipe } from '@nestjs/common';
import { Errors } from '../errors/domain-error';

/** Path ids are UUIDs; anything else is a 400 with a field error, not a database error. */
export const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => Errors.validation([{ field: 'id', message: 'must be a UUID' }]),
});
