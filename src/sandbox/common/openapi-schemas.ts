import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

/**
 * Loads a reference API description (Swagger 2.0 or OpenAPI 3.0) from
 * `shared/reference/` and hands out ajv validators for response bodies
 * (method, path, status) and request bodies (method, path).
 *
 * Where the schema comes from:
 * - a declared schema (Swagger `responses[s].schema`, OpenAPI
 *   `content['application/json'].schema`, body parameters / requestBody), with `$ref`s
 *   inlined and `x-nullable` / `nullable` turned into a JSON-schema `null` type;
 * - otherwise — and both reference files declare no response schemas, only examples,
 *   and their `definitions` are empty `{}` — a schema inferred from the documented
 *   example(s): every key shown is required, values must have the example's JSON type,
 *   arrays' items merge all example elements (keys required only if present in all),
 *   date-looking strings must have the example's date shape (e.g. Pacific local time
 *   without offset for ShipStation). A `null` in an example says nothing about the type
 *   and constrains nothing. Extra keys are allowed (simulators may return supersets).
 *   A key shown in only some of the merged objects (array elements, several examples)
 *   is optional and may be null: the documentation examples drop null-valued keys
 *   (ShipStation fact sheet §2.1: `billTo` is shown as `{name}` while the API returns
 *   every other key as null), so absence in one example is evidence of nullability.
 *
 * Nothing is loosened globally. When the reference is wrong against its own examples
 * or against the fact sheets, the caller passes explicit {@link SchemaRelaxation}s,
 * each with its reason; a relaxation that no longer matches the schema throws, so
 * stale ones are noticed.
 */

export type JsonSchema = Record<string, unknown>;

export interface SchemaRelaxation {
  where: 'response' | 'request';
  /** HTTP method, or '*' for any. */
  method: string;
  /** Template path as in the file without its query part (e.g. '/orders/{orderId}'), or '*'. */
  path: string;
  /** Response status; any when omitted. */
  status?: number;
  /**
   * Location in the body: property names separated by '/', `[]` for array items,
   * e.g. 'orders[]/shipTo/company' or '[]/accountNumber'; '' for the root.
   */
  at: string;
  /** Replace the schema there. */
  schema?: JsonSchema;
  /** Additionally allow null there. */
  nullable?: boolean;
  /** Remove the listed keys from `required` there. */
  optional?: string[];
  /** Why the reference is wrong here (cite it); required so every relaxation is explained. */
  reason: string;
}

export interface ReferenceSchemaOptions {
  relaxations?: SchemaRelaxation[];
  /**
   * Schemas generated from examples by a converter carry `type: 'null'` wherever the
   * example value was null (e.g. ShipStation getrates `serviceCode: {type: 'null'}`
   * although the text says "string, optional"). With this set, a schema whose only
   * type is 'null' means "type unknown". Only affects declared schemas.
   */
  nullOnlyTypeMeansUnknown?: boolean;
}

export interface ValidationOutcome {
  valid: boolean;
  errors: string[];
}

export interface SchemaValidator {
  (data: unknown): ValidationOutcome;
  /** The final JSON schema used. */
  readonly schema: JsonSchema;
  /** 'declared' = from the file's schema; 'example' = inferred; 'none' = no body documented. */
  readonly source: 'declared' | 'example' | 'none';
  /** The matched operation(s), e.g. 'GET /orders/{orderId}'. */
  readonly operation: string;
}

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';
const METHODS: HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * Directory of the reference files: `$REFERENCE_DIR`, else the copies committed in
 * `test/fixtures/reference/` (so a clean clone validates on its own; see SOURCES.md there).
 */
export function referenceDir(): string {
  const env = process.env.REFERENCE_DIR;
  if (env) return path.resolve(env);
  // Compiled code runs from dist/src/..., sources from src/...: walk up to package.json.
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return path.resolve(dir, 'test', 'fixtures', 'reference');
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}; set REFERENCE_DIR`);
    dir = parent;
  }
}

interface Candidate {
  template: string;
  pathPart: string;
  queryNames: string[];
  op: Record<string, unknown>;
  method: HttpMethod;
}

export class ReferenceSchemas {
  readonly version: 'swagger2' | 'openapi3';
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, SchemaValidator>();
  private readonly paths: Record<string, Record<string, unknown>>;

  private constructor(
    private readonly doc: Record<string, unknown>,
    private readonly options: ReferenceSchemaOptions,
  ) {
    this.version = typeof doc.swagger === 'string' ? 'swagger2' : 'openapi3';
    this.paths = (doc.paths ?? {}) as Record<string, Record<string, unknown>>;
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) this.ajv.addFormat(f, true);
  }

  /** `file` is a name inside {@link referenceDir} or an absolute path. */
  static load(file: string, options: ReferenceSchemaOptions = {}): ReferenceSchemas {
    const full = path.isAbsolute(file) ? file : path.join(referenceDir(), file);
    const doc = parseYaml(readFileSync(full, 'utf8'), { maxAliasCount: -1 }) as Record<string, unknown>;
    return new ReferenceSchemas(doc, options);
  }

  /** All operations in the file as `METHOD /template`. */
  operations(): string[] {
    const out: string[] = [];
    for (const [template, item] of Object.entries(this.paths)) {
      for (const m of METHODS) if (item[m]) out.push(`${m.toUpperCase()} ${template.trim()}`);
    }
    return out;
  }

  /**
   * Validator for a response body. `requestPath` is a concrete path (e.g. '/orders/123')
   * optionally with a query string, which picks among templates that differ only in
   * their query part. Throws when no operation or status matches.
   */
  response(method: string, requestPath: string, status = 200): SchemaValidator {
    return this.validator('response', method, requestPath, status);
  }

  /** Validator for a request body. */
  request(method: string, requestPath: string): SchemaValidator {
    return this.validator('request', method, requestPath, undefined);
  }

  private validator(where: 'response' | 'request', method: string, requestPath: string, status: number | undefined): SchemaValidator {
    const key = `${where} ${method.toUpperCase()} ${requestPath} ${status ?? ''}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const candidates = this.match(method, requestPath);
    if (candidates.length === 0) throw new Error(`no operation ${method.toUpperCase()} ${requestPath} in the reference`);
    const operation = candidates.map((c) => `${c.method.toUpperCase()} ${c.template}`).join(' | ');
    const declared: JsonSchema[] = [];
    const examples: unknown[] = [];
    for (const c of candidates) {
      const found = where === 'response' ? this.responseParts(c.op, status ?? 200) : this.requestParts(c.op);
      if (found.schema && !isEmptySchema(found.schema)) declared.push(found.schema);
      examples.push(...found.examples);
    }
    let schema: JsonSchema;
    let source: SchemaValidator['source'];
    if (declared.length > 0) {
      schema = declared.length === 1 ? declared[0] : { anyOf: declared };
      source = 'declared';
    } else if (examples.length > 0) {
      schema = irToSchema(examples.map(inferIr).reduce(mergeIr));
      source = 'example';
    } else {
      schema = {};
      source = 'none';
    }
    for (const r of this.options.relaxations ?? []) {
      if (r.where !== where) continue;
      if (r.method !== '*' && r.method.toUpperCase() !== method.toUpperCase()) continue;
      if (r.path !== '*' && !candidates.some((c) => c.pathPart === r.path)) continue;
      if (where === 'response' && r.status !== undefined && r.status !== status) continue;
      schema = applyRelaxation(schema, r);
    }
    const compiled: ValidateFunction = this.ajv.compile(schema);
    const fn = ((data: unknown): ValidationOutcome => {
      const valid = compiled(data) as boolean;
      return { valid, errors: valid ? [] : formatErrors(compiled.errors ?? []) };
    }) as SchemaValidator;
    Object.defineProperties(fn, {
      schema: { value: schema },
      source: { value: source },
      operation: { value: operation },
    });
    this.cache.set(key, fn);
    return fn;
  }

  private match(method: string, requestPath: string): Candidate[] {
    const m = method.toLowerCase() as HttpMethod;
    const [pathOnly, query = ''] = requestPath.split('?', 2);
    const given = [...new URLSearchParams(query).keys()];
    const concrete = pathOnly.split('/').filter(Boolean);
    let best: Array<Candidate & { score: number }> = [];
    for (const [template, item] of Object.entries(this.paths)) {
      const op = item[m] as Record<string, unknown> | undefined;
      if (!op) continue;
      const t = template.trim();
      const [pathPart, q = ''] = t.split('?', 2);
      const segs = pathPart.split('/').filter(Boolean);
      if (segs.length !== concrete.length) continue;
      let score = 0;
      let ok = true;
      segs.forEach((s, i) => {
        if (/^\{[^}]+\}$/.test(s)) return;
        if (s.toLowerCase() === concrete[i].toLowerCase()) score += 1;
        else ok = false;
      });
      if (!ok) continue;
      const queryNames = q ? [...new URLSearchParams(q).keys()] : [];
      const c = { template: t, pathPart, queryNames, op, method: m, score };
      if (best.length === 0 || score > best[0].score) best = [c];
      else if (score === best[0].score) best.push(c);
    }
    // Templates that differ only by their query part: prefer the ones naming the given params.
    if (given.length > 0) {
      const withAll = best.filter((c) => given.every((g) => c.queryNames.includes(g)));
      if (withAll.length > 0) best = withAll;
    } else {
      const plain = best.filter((c) => c.queryNames.length === 0);
      if (plain.length > 0) best = plain;
    }
    return best;
  }

  private responseParts(op: Record<string, unknown>, status: number): { schema?: JsonSchema; examples: unknown[] } {
    const responses = (op.responses ?? {}) as Record<string, Record<string, unknown>>;
    const r = responses[String(status)] ?? responses.default;
    if (!r) throw new Error(`the reference documents no ${status} response for this operation`);
    const resolved = this.deref(r) as Record<string, unknown>;
    if (this.version === 'swagger2') {
      const ex = (resolved.examples ?? {}) as Record<string, unknown>;
      const examples = 'application/json' in ex ? [ex['application/json']] : [];
      return { schema: resolved.schema ? this.prepare(resolved.schema) : undefined, examples };
    }
    return this.mediaParts(resolved.content);
  }

  private requestParts(op: Record<string, unknown>): { schema?: JsonSchema; examples: unknown[] } {
    if (this.version === 'swagger2') {
      const params = (op.parameters ?? []) as Array<Record<string, unknown>>;
      const body = params.map((p) => this.deref(p) as Record<string, unknown>).find((p) => p.in === 'body');
      return { schema: body?.schema ? this.prepare(body.schema) : undefined, examples: [] };
    }
    if (!op.requestBody) return { examples: [] };
    const rb = this.deref(op.requestBody) as Record<string, unknown>;
    return this.mediaParts(rb.content);
  }

  private mediaParts(content: unknown): { schema?: JsonSchema; examples: unknown[] } {
    const c = (content ?? {}) as Record<string, Record<string, unknown>>;
    const media = c['application/json'] ?? Object.values(c).find(Boolean);
    if (!media) return { examples: [] };
    const examples: unknown[] = [];
    if ('example' in media) examples.push(media.example);
    for (const e of Object.values((media.examples ?? {}) as Record<string, unknown>)) {
      const ex = this.deref(e) as Record<string, unknown>;
      if (ex && 'value' in ex) examples.push(ex.value);
    }
    return { schema: media.schema ? this.prepare(media.schema) : undefined, examples };
  }

  private deref(node: unknown): unknown {
    let n = node;
    const seen = new Set<string>();
    while (n && typeof n === 'object' && typeof (n as JsonSchema).$ref === 'string') {
      const ref = (n as JsonSchema).$ref as string;
      if (seen.has(ref)) return {};
      seen.add(ref);
      n = this.pointer(ref);
    }
    return n;
  }

  private pointer(ref: string): unknown {
    if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
    let cur: unknown = this.doc;
    for (const raw of ref.slice(2).split('/')) {
      const k = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      cur = (cur as Record<string, unknown> | undefined)?.[k];
    }
    if (cur === undefined) throw new Error(`unresolved $ref ${ref}`);
    return cur;
  }

  /** Inlines $refs (a recursive ref becomes `{}`) and maps nullable flags to JSON-schema types. */
  private prepare(schema: unknown, stack: string[] = []): JsonSchema {
    if (Array.isArray(schema)) return schema.map((s) => this.prepare(s, stack)) as unknown as JsonSchema;
    if (!schema || typeof schema !== 'object') return schema as JsonSchema;
    let s = schema as JsonSchema;
    if (typeof s.$ref === 'string') {
      const ref = s.$ref;
      if (stack.includes(ref)) return {};
      return this.prepare(this.pointer(ref), [...stack, ref]);
    }
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(s)) {
      if (k === 'example' || k === 'examples' || k === 'xml') continue;
      if (k === 'properties' || k === 'patternProperties' || k === 'definitions') {
        out[k] = Object.fromEntries(Object.entries(v as JsonSchema).map(([pk, pv]) => [pk, this.prepare(pv, stack)]));
      } else if (v && typeof v === 'object' && k !== 'enum' && k !== 'required' && k !== 'default') {
        out[k] = this.prepare(v, stack);
      } else {
        out[k] = v;
      }
    }
    s = out;
    if (this.options.nullOnlyTypeMeansUnknown && s.type === 'null') delete s.type;
    if (s['x-nullable'] === true || s.nullable === true) {
      delete s['x-nullable'];
      delete s.nullable;
      s = allowNull(s);
    }
    return s;
  }
}

function isEmptySchema(s: JsonSchema): boolean {
  return Object.keys(s).filter((k) => !['description', 'title'].includes(k)).length === 0;
}

function allowNull(s: JsonSchema): JsonSchema {
  if (typeof s.type === 'string') return { ...s, type: [s.type, 'null'], ...(s.enum ? { enum: [...(s.enum as unknown[]), null] } : {}) };
  if (Array.isArray(s.type)) return s.type.includes('null') ? s : { ...s, type: [...s.type, 'null'] };
  if (Object.keys(s).length === 0) return s;
  return { anyOf: [s, { type: 'null' }] };
}

function formatErrors(errors: ErrorObject[]): string[] {
  return errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'missingProperty' in e.params ? '' : ` ${JSON.stringify(e.params)}`}`.trim());
}

// ---- example inference --------------------------------------------------------------

type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

interface Ir {
  types: Set<JsonType>;
  props?: Map<string, Ir>;
  required?: Set<string>;
  items?: Ir;
  /** undefined = no string seen; null = some string without a recognised shape. */
  patterns?: Set<string> | null;
}

/** Date shapes recognised in examples; a value of this shape must keep it. */
const DATE_PATTERNS: RegExp[] = [
  /^\d{4}-\d{2}-\d{2}$/,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/,
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:?\d{2})$/,
];

function inferIr(v: unknown): Ir {
  if (v === null || v === undefined) return { types: new Set(['null']) };
  if (typeof v === 'boolean') return { types: new Set(['boolean']) };
  if (typeof v === 'number') return { types: new Set(['number']) };
  if (typeof v === 'string') {
    const p = DATE_PATTERNS.find((re) => re.test(v));
    return { types: new Set(['string']), patterns: p ? new Set([p.source]) : null };
  }
  if (Array.isArray(v)) {
    const items = v.length > 0 ? v.map(inferIr).reduce(mergeIr) : undefined;
    return { types: new Set(['array']), items };
  }
  const o = v as Record<string, unknown>;
  const props = new Map(Object.entries(o).map(([k, val]) => [k, inferIr(val)]));
  return { types: new Set(['object']), props, required: new Set(Object.keys(o)) };
}

function mergeIr(a: Ir, b: Ir): Ir {
  const types = new Set([...a.types, ...b.types]);
  const out: Ir = { types };
  if (a.props || b.props) {
    const props = new Map(a.props ?? []);
    for (const [k, v] of b.props ?? []) props.set(k, props.has(k) ? mergeIr(props.get(k)!, v) : v);
    out.props = props;
    if (a.required && b.required) out.required = new Set([...a.required].filter((k) => b.required!.has(k)));
    else out.required = new Set(a.required ?? b.required ?? []);
  }
  if (a.items && b.items) out.items = mergeIr(a.items, b.items);
  else out.items = a.items ?? b.items;
  if (a.patterns === null || b.patterns === null) out.patterns = null;
  else if (a.patterns || b.patterns) out.patterns = new Set([...(a.patterns ?? []), ...(b.patterns ?? [])]);
  return out;
}

function irToSchema(ir: Ir): JsonSchema {
  const nonNull = [...ir.types].filter((t) => t !== 'null');
  if (nonNull.length === 0) return {}; // only null seen: the type is unknown
  const s: JsonSchema = { type: ir.types.has('null') ? [...nonNull, 'null'] : nonNull.length === 1 ? nonNull[0] : nonNull };
  if (ir.props) {
    const required = ir.required ?? new Set<string>();
    s.properties = Object.fromEntries(
      [...ir.props].map(([k, v]) => [k, required.has(k) ? irToSchema(v) : allowNull(irToSchema(v))]),
    );
    s.required = [...required];
  }
  if (nonNull.includes('array') && ir.items) s.items = irToSchema(ir.items);
  if (ir.patterns) {
    const list = [...ir.patterns];
    s.pattern = list.length === 1 ? list[0] : list.map((p) => `(?:${p})`).join('|');
  }
  return s;
}

// ---- relaxations ------------------------------------------------------------------------

function applyRelaxation(schema: JsonSchema, r: SchemaRelaxation): JsonSchema {
  const root = structuredClone(schema);
  const segments = r.at === '' ? [] : r.at.split('/');
  const steps: Array<string | '[]'> = [];
  for (const seg of segments) {
    const m = /^([^[\]]*)((?:\[\])*)$/.exec(seg);
    if (!m) throw new Error(`bad relaxation path ${r.at}`);
    if (m[1]) steps.push(m[1]);
    for (let i = 0; i < m[2].length / 2; i++) steps.push('[]');
  }
  const holder: JsonSchema = { root };
  let parent: JsonSchema = holder;
  let key = 'root';
  for (const step of steps) {
    const cur = parent[key] as JsonSchema | undefined;
    if (!cur) throw new Error(`relaxation ${r.at} does not match the schema (${r.reason})`);
    if (step === '[]') {
      if (!cur.items) throw new Error(`relaxation ${r.at}: no array items there`);
      parent = cur;
      key = 'items';
    } else {
      const props = cur.properties as JsonSchema | undefined;
      if (!props || !(step in props)) throw new Error(`relaxation ${r.at}: no property ${step} there`);
      parent = props;
      key = step;
    }
  }
  let target = parent[key] as JsonSchema;
  if (r.schema) target = r.schema;
  if (r.nullable) target = allowNull(target);
  if (r.optional) target = { ...target, required: ((target.required ?? []) as string[]).filter((k) => !r.optional!.includes(k)) };
  parent[key] = target;
  return holder.root as JsonSchema;
}
