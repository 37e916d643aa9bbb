/** What every endpoint handler receives. */
import { badRequest, notFound } from './dear-errors';
import type { CountryFormat } from './dear-render';
import { Renderer } from './dear-render';
import type { DearState, Sale } from './dear-types';
import type { Query } from './dear-util';

export interface HandlerContext {
  state: DearState;
  q: Query;
  body: unknown;
  now(): Date;
  render: Renderer;
}

export type Handler = (ctx: HandlerContext) => unknown;

/**
 * Every change moves the sale's `Updated`/`LastModifiedOn` so `UpdatedSince` polling
 * sees it (dear.md §10). Strictly increasing even within one millisecond.
 */
export function touch(ctx: HandlerContext, sale: Sale): void {
  const now = ctx.now();
  sale.Updated = now.getTime() > sale.Updated.getTime() ? now : new Date(sale.Updated.getTime() + 1);
}

export function findSale(ctx: HandlerContext, id: string | undefined, param = 'ID'): Sale {
  if (!id) throw badRequest(`Parameter ${param} is required.`);
  const sale = ctx.state.sales.find((s) => s.ID.toLowerCase() === id.toLowerCase());
  if (!sale) throw notFound('Sale', id);
  return sale;
}

export function bodyObject(ctx: HandlerContext): Record<string, unknown> {
  const b = ctx.body;
  if (b === undefined || b === null || typeof b !== 'object' || Array.isArray(b)) throw badRequest('Request body must be a JSON object.');
  return b as Record<string, unknown>;
}

export function countryFormat(ctx: HandlerContext): CountryFormat {
  const v = (ctx.q.get('CountryFormat') ?? 'Regular').toLowerCase();
  if (v === 'code2') return 'Code2';
  if (v === 'code') return 'Code';
  return 'Regular';
}

/** Paging per dear.md §1.7: Page ≥ 1 (default 1), Limit 1..1000 (default 100). */
export function paging(ctx: HandlerContext): { page: number; limit: number } {
  const pageRaw = ctx.q.get('Page');
  const limitRaw = ctx.q.get('Limit');
  const page = pageRaw === undefined || pageRaw === '' ? 1 : Number(pageRaw);
  const limit = limitRaw === undefined || limitRaw === '' ? 100 : Number(limitRaw);
  if (!Number.isInteger(page) || page < 1) throw badRequest('Page must be a positive integer.');
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badRequest('Limit must be between 1 and 1000.');
  return { page, limit };
}

export function pageOf<T>(rows: T[], page: number, limit: number): T[] {
  return rows.slice((page - 1) * limit, page * limit);
}

export function str(v: unknown, fallback = ''): string {
  if (v === undefined || v === null) return fallback;
  return String(v);
}

/** DEAR's binder coerces numbers sent as strings (dear.md §1.9). */
export function num(v: unknown, fallback = 0): number {
  if (v === undefined || v === null || v === '') return fallback;
  const n = typeof v === 'number' ? v : Number(v);
  if (Number.isNaN(n)) throw badRequest(`'${String(v)}' is not a valid number.`);
  return n;
}

export function bool(v: unknown, fallback = false): boolean {
  if (v === undefined || v === null || v === '') return fallback;
  if (typeof v === 'boolean') return v;
  return String(v).toLowerCase() === 'true';
}

export function arr(v: unknown, name: string): Array<Record<string, unknown>> {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw badRequest(`${name} must be an array.`);
  return v.map((x) => {
    if (!x || typeof x !== 'object') throw badRequest(`${name} must contain objects.`);
    return x as Record<string, unknown>;
  });
}
