import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiKeysService } from '../../api-keys/api-keys.service';
import { DomainError } from '../errors/domain-error';
import { Caller, IS_ADMIN_ONLY, IS_PUBLIC } from './auth.decorators';

/** `Authorization: Bearer <key>` on every route not marked @Public (SPEC §8). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly apiKeys: ApiKeysService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & { caller?: Caller }>();
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const caller = match ? await this.apiKeys.verify(match[1]) : undefined;
    if (!caller) {
      throw new DomainError('unauthorized', 401, 'Unauthorized', 'A valid API key is required: Authorization: Bearer <key>.');
    }
    if (this.reflector.getAllAndOverride<boolean>(IS_ADMIN_ONLY, targets) && !caller.admin) {
      throw new DomainError('forbidden', 403, 'Forbidden', 'This route needs the admin API key.');
    }
    req.caller = caller;
    return true;
  }
}
