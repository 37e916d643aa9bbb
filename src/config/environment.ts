import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * The environment the service reads, validated once at boot (STYLE habit 9).
 * Every variable is documented in the README's configuration table.
 */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV?: 'development' | 'production' | 'test';

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  HOST?: string;

  @IsOptional() @Transform(emptyToUndefined) @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(100)
  DATABASE_POOL_SIZE?: number;

  @IsOptional() @Transform(emptyToUndefined) @IsString()
  DATA_DIR?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsString() @MinLength(24)
  ADMIN_API_KEY?: string;

  @IsOptional() @Transform(emptyToUndefined) @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, {
    message: 'must be 32 bytes as 64 hex characters or 44 base64 characters',
  })
  ENCRYPTION_KEY?: string;

  @IsOptional() @Transform(emptyToUndefined) @Matches(/^(([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=),?)+$/, {
    message: 'must be a comma-separated list of 32-byte keys (hex or base64)',
  })
  ENCRYPTION_KEYS_PREVIOUS?: string;

  @IsOptional() @Transform(emptyToUndefined) @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @Transform(toBool) @IsBoolean()
  SANDBOX?: boolean;

  @IsOptional() @Transform(toBool) @IsBoolean()
  MIGRATIONS_RUN?: boolean;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(600000)
  UPSTREAM_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600000)
  UPSTREAM_BUDGET_WAIT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(3600000)
  UPSTREAM_WINDOW_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(10)
  UPSTREAM_MAX_ATTEMPTS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(60000)
  UPSTREAM_BACKOFF_BASE_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(10) @Max(86400)
  QUOTE_TTL_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(50)
  WRITE_BACK_MAX_ATTEMPTS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  WRITE_BACK_RETRY_DELAY_SECONDS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(3600000)
  LABEL_RECONCILE_INTERVAL_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1000) @Max(86400000)
  LABEL_RECONCILE_GIVE_UP_MS?: number;
}

export class ConfigError extends Error {
  constructor(readonly variables: string[], messages: string[]) {
    super(`Invalid configuration: ${messages.join('; ')}`);
  }
}

/** Validates the raw environment. Errors name the variable and the rule, never the value. */
export function validateEnvironment(env: Record<string, string | undefined>): EnvironmentVariables {
  const known = Object.fromEntries(
    Object.keys(new EnvironmentVariablesKeys()).map((k) => [k, env[k]]).filter(([, v]) => v !== undefined),
  );
  const parsed = plainToInstance(EnvironmentVariables, known);
  const errors = validateSync(parsed, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const messages = errors.map((e) => `${e.property} ${Object.keys(e.constraints ?? {}).join(', ')}: ${describeRule(e.constraints)}`);
    throw new ConfigError(errors.map((e) => e.property), messages);
  }
  return parsed;
}

// class-validator's messages start with the property name and never echo the value for the rules used here.
function describeRule(constraints: Record<string, string> | undefined): string {
  return Object.values(constraints ?? {})
    .map((m) => m.replace(/^\S+\s/, ''))
    .join(', ');
}

/** The variable names, kept in one place so only known variables are read. */
class EnvironmentVariablesKeys {
  NODE_ENV = 1; PORT = 1; HOST = 1; DATABASE_URL = 1; DATABASE_POOL_SIZE = 1; DATA_DIR = 1; ADMIN_API_KEY = 1;
  ENCRYPTION_KEY = 1; ENCRYPTION_KEYS_PREVIOUS = 1; PUBLIC_BASE_URL = 1; LOG_LEVEL = 1; SANDBOX = 1;
  MIGRATIONS_RUN = 1; UPSTREAM_TIMEOUT_MS = 1; UPSTREAM_BUDGET_WAIT_MS = 1;
  UPSTREAM_WINDOW_MS = 1; UPSTREAM_MAX_ATTEMPTS = 1; UPSTREAM_BACKOFF_BASE_MS = 1; QUOTE_TTL_SECONDS = 1;
  WRITE_BACK_MAX_ATTEMPTS = 1; WRITE_BACK_RETRY_DELAY_SECONDS = 1; LABEL_RECONCILE_INTERVAL_MS = 1; LABEL_RECONCILE_GIVE_UP_MS = 1;
}
