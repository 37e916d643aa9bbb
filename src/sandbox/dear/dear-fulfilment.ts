/**
 * Fulfilment endpoints: `/sale/fulfilment`, `/sale/fulfilment/pick`, `/pack`, `/ship`
 * (dear.md §3). Preconditions as in §3.1–§3.4 and §10: order AUTHORISED before pick,
 * pick AUTHORISED before pack, pack AUTHORISED before ship; violations are 400 + Error
 * Model. A stage POST replaces that stage's lines (§2 "General write rule", SPEC App. A).
 */
import { arr, bodyObject, countryFormat, findSale, type HandlerContext, num, str, touch } from './dear-context';
import { badRequest, notFound } from './dear-errors';
import type { Fulfilment, PickPackLine, Sale, ShipLine, ShipStatus, ShippingAddress } from './dear-types';
import { newGuid, normaliseDateOnly } from './dear-util';

export function emptyFulfilment(taskId: string, number: number): Fulfilment {
  return {
    TaskID: taskId,
    FulfillmentNumber: number,
    Pick: { Status: 'NOT AVAILABLE', Lines: [] },
    Pack: { Status: 'NOT AVAILABLE', Lines: [] },
    Ship: { Status: 'NOT AVAILABLE', RequireBy: null, ShippingAddress: null, ShippingNotes: '', Lines: [] },
    Voided: false,
  };
}

function findTask(ctx: HandlerContext, taskId: string | undefined): { sale: Sale; f: Fulfilment } {
  if (!taskId) throw badRequest('Parameter TaskID is required.');
  const t = taskId.toLowerCase();
  for (const sale of ctx.state.sales) {
    const f = sale.Fulfilments.find((x) => x.TaskID.toLowerCase() === t);
    if (f) return { sale, f };
  }
  throw notFound('Fulfilment task', taskId);
}

function requireWritable(sale: Sale, f: Fulfilment): void {
  if (sale.Voided || f.Voided) throw badRequest('Sale is voided.');
  if (sale.Order.Status !== 'AUTHORISED') throw badRequest('Sale order must be authorised first.');
}

/** `GET /sale/fulfilment?SaleID=` → `{SaleID, Fulfilments}` (§3.1). */
export function getFulfilments(ctx: HandlerContext) {
  const sale = findSale(ctx, ctx.q.get('SaleID'), 'SaleID');
  const info = ctx.q.bool('IncludeProductInfo');
  return { SaleID: sale.ID, Fulfilments: sale.Fulfilments.map((f) => ctx.render.fulfilment(sale, f, countryFormat(ctx), info)) };
}

/**
 * `POST /sale/fulfilment {SaleID}` adds a fulfilment task: the order must be AUTHORISED
 * and every existing fulfilment's pick AUTHORISED; a Simple Sale becomes Advanced (§3.1).
 */
export function postFulfilment(ctx: HandlerContext) {
  const b = bodyObject(ctx);
  const sale = findSale(ctx, str(b.SaleID), 'SaleID');
  if (sale.Voided) throw badRequest('Sale is voided.');
  if (sale.Order.Status !== 'AUTHORISED') throw badRequest('Sale order must be authorised before adding a fulfilment.');
  const open = sale.Fulfilments.filter((f) => !f.Voided && f.Pick.Status !== 'AUTHORISED');
  if (open.length > 0) throw badRequest(`Fulfilment ${open[0].FulfillmentNumber} must be picked (authorised) before a new fulfilment can be added.`);
  const number = sale.Fulfilments.length + 1;
  sale.Fulfilments.push(emptyFulfilment(newGuid(), number));
  sale.Type = 'Advanced Sale';
  touch(ctx, sale);
  return { SaleID: sale.ID, Fulfilments: sale.Fulfilments.map((f) => ctx.render.fulfilment(sale, f, 'Regular')) };
}

function stage(v: unknown): 'DRAFT' | 'AUTHORISED' {
  const s = str(v, 'DRAFT').toUpperCase();
  if (s !== 'DRAFT' && s !== 'AUTHORISED') throw badRequest(`Status '${str(v)}' is not valid. Use DRAFT or AUTHORISED.`);
  return s;
}

/** Pick/pack line from a request; `Location` or `LocationID` required (§3.2). */
function parsePickPackLines(ctx: HandlerContext, sale: Sale, raw: unknown, pack: boolean, picked: PickPackLine[]): PickPackLine[] {
  const lines = arr(raw, 'Lines');
  if (lines.length === 0) throw badRequest('Lines are required.');
  return lines.map((l) => {
    const id = str(l.ProductID);
    const sku = str(l.SKU);
    const p = ctx.state.products.find((x) => (id && x.ID.toLowerCase() === id.toLowerCase()) || (!id && sku && x.SKU.toLowerCase() === sku.toLowerCase()));
    if (!p) throw badRequest(`Product not found: ${id || sku || '(none given)'}.`);
    if (!sale.Order.Lines.some((o) => o.ProductID === p.ID)) throw badRequest(`Product ${p.SKU} is not on the sale order.`);
    const quantity = num(l.Quantity);
    if (quantity < 1) throw badRequest(`Quantity for ${p.SKU} must be at least 1.`);
    let location = str(l.Location);
    let locationId = str(l.LocationID);
    const fromPick = picked.find((x) => x.ProductID === p.ID);
    if (!location && !locationId && fromPick) ({ Location: location, LocationID: locationId } = fromPick);
    if (!location && !locationId) throw badRequest(`Location or LocationID is required for ${p.SKU}.`);
    const resolved = resolveLocation(ctx, location, locationId);
    const box = str(l.Box);
    if (pack && !box) throw badRequest(`Box is required for pack line ${p.SKU}.`);
    return { ProductID: p.ID, Quantity: quantity, Location: resolved.name, LocationID: resolved.id, BatchSN: str(l.BatchSN), ExpiryDate: l.ExpiryDate ? str(l.ExpiryDate) : null, NonInventory: Boolean(l.NonInventory), ...(pack ? { Box: box } : {}) };
  });
}

/** Location names, including bins as `"<Location>: <Bin>"` (dear.md §5.4), are matched by name. */
function resolveLocation(ctx: HandlerContext, name: string, id: string): { name: string; id: string } {
  for (const loc of ctx.state.locations) {
    if ((id && loc.ID.toLowerCase() === id.toLowerCase()) || (!id && loc.Name.toLowerCase() === name.toLowerCase())) return { name: loc.Name, id: loc.ID };
    for (const b of loc.Bins) {
      const full = `${loc.Name}: ${b.Name}`;
      if ((id && b.ID.toLowerCase() === id.toLowerCase()) || (!id && full.toLowerCase() === name.toLowerCase())) return { name: full, id: b.ID };
    }
  }
  throw badRequest(`Location not found: ${name || id}.`);
}

/** `GET /sale/fulfilment/pick?TaskID=` → `{TaskID, Status, Lines}` (§3.2). */
export function getPick(ctx: HandlerContext) {
  const { f } = findTask(ctx, ctx.q.get('TaskID'));
  const info = ctx.q.bool('IncludeProductInfo');
  return { TaskID: f.TaskID, Status: f.Pick.Status, Lines: f.Pick.Lines.map((l) => ctx.render.pickPackLine(l, false, info)) };
}

/**
 * `POST|PUT /sale/fulfilment/pick`: fails unless the order is AUTHORISED and the pick is
 * DRAFT / NOT AVAILABLE. `AutoPickMode: "AUTOPICK"` with no lines picks the order's
 * remaining quantities from the sale's default location and authorises (§3.2).
 */
export function postPick(ctx: HandlerContext) {
  const b = bodyObject(ctx);
  const { sale, f } = findTask(ctx, str(b.TaskID));
  requireWritable(sale, f);
  if (f.Pick.Status === 'AUTHORISED' || f.Pick.Status === 'VOIDED') throw badRequest(`Pick is already ${f.Pick.Status}.`);
  if (str(b.AutoPickMode).toUpperCase() === 'AUTOPICK' && b.Lines === undefined) {
    const others = sale.Fulfilments.filter((x) => x !== f && !x.Voided).flatMap((x) => x.Pick.Lines);
    const loc = resolveLocation(ctx, sale.Location, '');
    f.Pick.Lines = sale.Order.Lines.map((o) => ({ ProductID: o.ProductID, Quantity: o.Quantity - others.filter((x) => x.ProductID === o.ProductID).reduce((s, x) => s + x.Quantity, 0), Location: loc.name, LocationID: loc.id, BatchSN: '', ExpiryDate: null, NonInventory: false })).filter((l) => l.Quantity > 0);
    f.Pick.Status = 'AUTHORISED';
  } else {
    f.Pick.Lines = parsePickPackLines(ctx, sale, b.Lines, false, []);
    f.Pick.Status = stage(b.Status);
  }
  touch(ctx, sale);
  return { TaskID: f.TaskID, Status: f.Pick.Status, Lines: f.Pick.Lines.map((l) => ctx.render.pickPackLine(l, false)) };
}

/** `GET /sale/fulfilment/pack?TaskID=` (§3.3). */
export function getPack(ctx: HandlerContext) {
  const { f } = findTask(ctx, ctx.q.get('TaskID'));
  const info = ctx.q.bool('IncludeProductInfo');
  return { TaskID: f.TaskID, Status: f.Pack.Status, Lines: f.Pack.Lines.map((l) => ctx.render.pickPackLine(l, true, info)) };
}

/** `POST|PUT /sale/fulfilment/pack`: fails if the pick is not AUTHORISED or the pack already is (§3.3). */
export function postPack(ctx: HandlerContext) {
  const b = bodyObject(ctx);
  const { sale, f } = findTask(ctx, str(b.TaskID));
  requireWritable(sale, f);
  if (f.Pick.Status !== 'AUTHORISED') throw badRequest('Pick must be authorised before packing.');
  if (f.Pack.Status === 'AUTHORISED' || f.Pack.Status === 'VOIDED') throw badRequest(`Pack is already ${f.Pack.Status}.`);
  f.Pack.Lines = parsePickPackLines(ctx, sale, b.Lines, true, f.Pick.Lines);
  f.Pack.Status = stage(b.Status);
  touch(ctx, sale);
  return { TaskID: f.TaskID, Status: f.Pack.Status, Lines: f.Pack.Lines.map((l) => ctx.render.pickPackLine(l, true)) };
}

/** `GET /sale/fulfilment/ship?TaskID=` → `{TaskID, Status, RequireBy, ShippingAddress, ShippingNotes, Lines}` (§3.4). */
export function getShip(ctx: HandlerContext) {
  const { sale, f } = findTask(ctx, ctx.q.get('TaskID'));
  return { TaskID: f.TaskID, ...ctx.render.ship(sale, f, countryFormat(ctx)) };
}

function packBoxes(f: Fulfilment): string[] {
  return [...new Set(f.Pack.Lines.map((l) => l.Box ?? '').filter(Boolean))];
}

/** `Box` may name several boxes of the pack stage, comma-separated. */
function splitBoxes(v: string): string[] {
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * A ship line as written. The write side calls the box field `Box`, the read side
 * `Boxes` (dear.md §3.4, §9 #11): a line that sends only `Boxes` has no box and is
 * refused like any line without its required `Box`.
 */
function parseShipLine(ctx: HandlerContext, l: Record<string, unknown>, boxes: string[], existing?: ShipLine): ShipLine {
  const box = l.Box !== undefined ? str(l.Box) : (existing?.Boxes ?? '');
  if (!box) throw badRequest("Ship line: 'Box' is required (the name of a box from the pack stage).");
  for (const name of splitBoxes(box)) {
    if (!boxes.some((x) => x.toLowerCase() === name.toLowerCase())) throw badRequest(`Box '${name}' was not found on the pack stage.`);
  }
  if (!existing && (l.ShipmentDate === undefined || l.ShipmentDate === null || l.ShipmentDate === '')) throw badRequest("Ship line: 'ShipmentDate' is required.");
  return {
    ID: existing?.ID ?? newGuid(),
    ShipmentDate: l.ShipmentDate !== undefined ? normaliseDateOnly(l.ShipmentDate, ctx.now()) : existing!.ShipmentDate,
    Carrier: l.Carrier !== undefined ? str(l.Carrier) : (existing?.Carrier ?? ''),
    Boxes: box,
    TrackingNumber: l.TrackingNumber !== undefined ? str(l.TrackingNumber) : (existing?.TrackingNumber ?? ''),
    TrackingURL: l.TrackingURL !== undefined ? str(l.TrackingURL) : (existing?.TrackingURL ?? ''),
    IsShipped: l.IsShipped !== undefined ? Boolean(l.IsShipped) && String(l.IsShipped).toLowerCase() !== 'false' : (existing?.IsShipped ?? false),
  };
}

function parseShipStatus(v: unknown): ShipStatus {
  const s = str(v, 'DRAFT').toUpperCase();
  if (s !== 'DRAFT' && s !== 'AUTHORISED' && s !== 'PARTIALLY AUTHORISED') throw badRequest(`Status '${str(v)}' is not valid. Use DRAFT, PARTIALLY AUTHORISED or AUTHORISED.`);
  return s;
}

function parseShipAddress(v: unknown, current: ShippingAddress | null): ShippingAddress | null {
  if (v === undefined || v === null || typeof v !== 'object') return current;
  const a = v as Record<string, unknown>;
  return { Line1: str(a.Line1), Line2: str(a.Line2), City: str(a.City), State: str(a.State), Postcode: str(a.Postcode), Country: str(a.Country), Company: str(a.Company), Contact: str(a.Contact), ShipToOther: Boolean(a.ShipToOther) };
}

/**
 * Ship status after a write: AUTHORISED by itself once every packed box is on an
 * `IsShipped` line (§3.4, §10); otherwise the requested status, where AUTHORISED with
 * boxes still unshipped becomes PARTIALLY AUTHORISED (or DRAFT when nothing shipped).
 */
function settleShipStatus(f: Fulfilment, requested: ShipStatus): ShipStatus {
  const shipped = new Set(f.Ship.Lines.filter((l) => l.IsShipped).flatMap((l) => splitBoxes(l.Boxes).map((b) => b.toLowerCase())));
  const boxes = packBoxes(f);
  if (boxes.length > 0 && boxes.every((b) => shipped.has(b.toLowerCase()))) return 'AUTHORISED';
  if (requested === 'AUTHORISED' || requested === 'PARTIALLY AUTHORISED') return shipped.size > 0 ? 'PARTIALLY AUTHORISED' : 'DRAFT';
  return requested;
}

/**
 * `POST /sale/fulfilment/ship` (create, replacing the lines) and `PUT` (replace; the
 * payload must list every packed box). Both need an AUTHORISED pack and refuse an
 * AUTHORISED / PARTIALLY AUTHORISED ship — except `PUT` with `AddTrackingNumbers: true`,
 * which updates tracking numbers / carrier of an already authorised shipment (§3.4):
 * lines are matched by `ID`, else by box, and lines not mentioned are kept.
 */
export function writeShip(ctx: HandlerContext, method: 'POST' | 'PUT') {
  const b = bodyObject(ctx);
  const { sale, f } = findTask(ctx, str(b.TaskID));
  requireWritable(sale, f);
  if (f.Pack.Status !== 'AUTHORISED') throw badRequest('Pack must be authorised before shipping.');
  const addTracking = method === 'PUT' && String(b.AddTrackingNumbers).toLowerCase() === 'true';
  const authorised = f.Ship.Status === 'AUTHORISED' || f.Ship.Status === 'PARTIALLY AUTHORISED';
  if (authorised && !addTracking) throw badRequest(`Shipment is already ${f.Ship.Status}. Use PUT with AddTrackingNumbers to change tracking numbers.`);
  const boxes = packBoxes(f);
  const raw = arr(b.Lines, 'Lines');
  if (addTracking) {
    const lines = f.Ship.Lines.map((l) => ({ ...l }));
    for (const l of raw) {
      const id = str(l.ID).toLowerCase();
      const box = str(l.Box).toLowerCase();
      const idx = lines.findIndex((x) => (id && x.ID.toLowerCase() === id) || (!id && box && x.Boxes.toLowerCase() === box));
      if (idx >= 0) lines[idx] = parseShipLine(ctx, l, boxes, lines[idx]);
      else if (id) throw badRequest(`Ship line with ID '${str(l.ID)}' not found.`);
      else lines.push(parseShipLine(ctx, l, boxes));
    }
    f.Ship.Lines = lines;
  } else {
    if (raw.length === 0) throw badRequest('Lines are required.');
    const lines = raw.map((l) => parseShipLine(ctx, l, boxes));
    if (method === 'PUT') {
      const listed = new Set(lines.flatMap((l) => splitBoxes(l.Boxes).map((x) => x.toLowerCase())));
      const missing = boxes.filter((x) => !listed.has(x.toLowerCase()));
      if (missing.length > 0) throw badRequest(`All packed boxes must be listed; missing: ${missing.join(', ')}.`);
    }
    f.Ship.Lines = lines;
  }
  if (b.RequireBy !== undefined) f.Ship.RequireBy = b.RequireBy === null ? null : normaliseDateOnly(b.RequireBy, ctx.now());
  if (b.ShippingNotes !== undefined) f.Ship.ShippingNotes = str(b.ShippingNotes);
  f.Ship.ShippingAddress = parseShipAddress(b.ShippingAddress, f.Ship.ShippingAddress);
  const requested = b.Status !== undefined ? parseShipStatus(b.Status) : addTracking ? f.Ship.Status : 'DRAFT';
  f.Ship.Status = settleShipStatus(f, requested);
  touch(ctx, sale);
  return { TaskID: f.TaskID, ...ctx.render.ship(sale, f, 'Regular') };
}
