import type { ModelState } from './shipstation-errors';
import { parsePacific } from './pacific-time';

/**
 * List paging (fact sheet §1.5): `page` (default 1), `pageSize` (default 100, max 500),
 * `sortBy`/`sortDir`; envelope `{<collection>, total, page, pages}` with
 * `pages = ceil(total / pageSize)` (the docs' `pages: 0` examples are artefacts).
 * pageSize above 500 is refused with a 400 rather than clamped (open question 5: a
 * strict simulator surfaces the client bug).
 */
export interface Paging {
  page: number;
  pageSize: number;
  sortBy?: string;
  /** 1 ascending, -1 descending. */
  dir: 1 | -1;
}

export function readPaging(ms: ModelState, q: Record<string, string>, sortFields: string[]): Paging {
  const page = q.page ? Number(q.page) : 1;
  const pageSize = q.pageSize ? Number(q.pageSize) : 100;
  if (!Number.isInteger(page) || page < 1) ms.invalid('page', q.page, 'Int32');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) ms.add('pageSize', 'pageSize must be between 1 and 500.');
  let sortBy: string | undefined;
  if (q.sortBy) {
    sortBy = sortFields.find((f) => f.toLowerCase() === q.sortBy.toLowerCase());
    if (!sortBy) ms.invalid('sortBy', q.sortBy, `sortBy (${sortFields.join(', ')})`);
  }
  const sd = (q.sortDir ?? '').toUpperCase();
  if (sd && sd !== 'ASC' && sd !== 'DESC') ms.invalid('sortDir', q.sortDir, 'sortDir (ASC, DESC)');
  return { page, pageSize, sortBy, dir: sd === 'DESC' ? -1 : 1 };
}

export function paginate<T>(rows: T[], p: Paging): { rows: T[]; total: number; page: number; pages: number } {
  const total = rows.length;
  return {
    rows: rows.slice((p.page - 1) * p.pageSize, p.page * p.pageSize),
    total,
    page: p.page,
    pages: Math.ceil(total / p.pageSize),
  };
}

/** A date filter in Pacific local time (§1.6: `yyyy-mm-dd hh:mm:ss` or ISO-like). */
export function readPacificFilter(ms: ModelState, q: Record<string, string>, name: string): Date | null {
  const v = q[name];
  if (v === undefined || v === '') return null;
  const d = parsePacific(v);
  if (!d) {
    ms.invalid(name, v, 'Nullable`1');
    return null;
  }
  return d;
}
