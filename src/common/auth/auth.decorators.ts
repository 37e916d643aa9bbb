import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:public';
export const IS_ADMIN_ONLY = 'auth:adminOnly';

/** Route needs no API key (health, metrics, inbound protocol endpoints with their own auth). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Route needs the admin key (API key management). */
export const AdminOnly = () => SetMetadata(IS_ADMIN_ONLY, true);

/** Who made the request, attached to the request by the guard. */
export interface Caller {
  apiKeyId: string;
  name: string;
  admin: boolean;
}
