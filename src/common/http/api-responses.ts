import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../errors/problem-details';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request (field errors in `errors`)',
  401: 'Missing or invalid API key',
  403: 'The API key may not use this route',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Body larger than 1 MB',
  415: 'Body is not JSON',
  422: 'Understood but refused (the upstream said no, or a business rule)',
  502: 'Upstream failed',
  503: 'Upstream unavailable or its budget is exhausted; see Retry-After',
};

/** Documents the problem+json answers a route can give (STYLE habit 4). */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}

/** A bearer-protected route: the security scheme plus the 401 and 400 every such route can give. */
export function ApiAuthenticated(...statuses: number[]) {
  return applyDecorators(ApiBearerAuth(), ApiProblems(400, 401, ...statuses));
}
