/**
 * Company, product and reference-data endpoints: `/me`, `/product`, `/productFamily`,
 * `/ref/carrier`, `/ref/location` (dear.md §5, §7).
 */
import { type HandlerContext, pageOf, paging } from './dear-context';
import { badRequest } from './dear-errors';
import type { Product, ProductFamily } from './dear-types';
import { formatModified, parseDearDate } from './dear-util';

/** Where attachment downloads point; the host is the real one, the URL shape from §5.1. */
const ATTACHMENT_BASE = 'https://inventory.dearsystems.com/Attachment/Download';

/** `GET /me` (dear.md §7.5). */
export function getMe(ctx: HandlerContext) {
  const c = ctx.state.company;
  return {
    Company: c.Company,
    Currency: c.Currency,
    TimeZone: c.TimeZone,
    DefaultWeightUnits: c.DefaultWeightUnits,
    DefaultDimensionsUnits: c.DefaultDimensionsUnits,
    LockDate: null,
    OpeningBalanceDate: '2024-01-01T00:00:00',
    TaxCalculationMethod: 'Total',
    DefaultSaleTaxRuleId: '5d2c3f0e-7a1b-4c5d-9e8f-0a1b2c3d4e5f',
    DefaultSaleTaxRuleName: 'Tax Exempt',
    MaximumDecimalPlacesInQuantity: 'N2',
    ApplyCustomerDiscountsAfterOtherDiscounts: true,
    DiscountRule: 'Discount',
    AutomaticallyApplyDiscounts: false,
    RoundingTable: [{ RangeTo: 10, RoundToNearest: 0.01, AdjustmentRule: 'N', AdjustmentValue: 0 }],
  };
}

function attachmentUrl(a: { ID: string; ContentType: string; FileName: string }): string {
  return `${ATTACHMENT_BASE}?ID=${a.ID}&ContentType=${a.ContentType}&FileName=${encodeURIComponent(a.FileName)}&isPublic=True`;
}

/** One product as `/product` returns it (field list: yaml `product_post_200_response`, §5.1). */
function renderProduct(p: Product, includeAttachments: boolean) {
  const attrs: Record<string, string | null> = {};
  for (let i = 0; i < 10; i++) attrs[`AdditionalAttribute${i + 1}`] = p.AdditionalAttributes[i] ?? null;
  const tiers: Record<string, number> = {};
  const tierFields: Record<string, number> = {};
  for (let i = 1; i <= 10; i++) {
    tiers[`Tier ${i}`] = i === 1 ? p.PriceTier1 : 0;
    tierFields[`PriceTier${i}`] = i === 1 ? p.PriceTier1 : 0;
  }
  return {
    ID: p.ID,
    SKU: p.SKU,
    Name: p.Name,
    Category: p.Category,
    Brand: p.Brand,
    Type: p.Type,
    CostingMethod: 'FIFO',
    DropShipMode: 'No Drop Ship',
    DefaultLocation: p.DefaultLocation,
    Length: p.Length,
    Width: p.Width,
    Height: p.Height,
    Weight: p.Weight,
    CartonHeight: 0,
    CartonWidth: 0,
    CartonLength: 0,
    CartonQuantity: 0,
    CartonInnerQuantity: 0,
    WeightUnits: p.WeightUnits,
    DimensionsUnits: p.DimensionsUnits,
    UOM: p.UOM,
    Barcode: p.Barcode,
    MinimumBeforeReorder: 0,
    ReorderQuantity: 0,
    ...tierFields,
    PriceTiers: tiers,
    AverageCost: p.AverageCost,
    ShortDescription: p.ShortDescription,
    Description: null,
    InternalNote: '',
    ...attrs,
    AttributeSet: null,
    DiscountRule: null,
    Tags: '',
    Status: p.Status,
    StockLocator: p.StockLocator,
    PickZones: '',
    COGSAccount: null,
    RevenueAccount: null,
    ExpenseAccount: null,
    InventoryAccount: null,
    PurchaseTaxRule: null,
    SaleTaxRule: null,
    LastModifiedOn: formatModified(p.LastModifiedOn),
    Sellable: true,
    BillOfMaterial: false,
    AutoAssembly: false,
    AutoDisassembly: false,
    QuantityToProduce: 0,
    AssemblyInstructionURL: null,
    AssemblyCostEstimationMethod: 'Average Cost',
    HSCode: '',
    CountryOfOrigin: 'United States',
    CountryOfOriginCode: 'US',
    Suppliers: [],
    ReorderLevels: [],
    BillOfMaterialsProducts: [],
    BillOfMaterialsServices: [],
    Movements: [],
    // Images are attachments, only with IncludeAttachments=true (§5.1); IsDefault marks
    // the default product image.
    Attachments: includeAttachments ? p.Attachments.map((a) => ({ ID: a.ID, ContentType: a.ContentType, IsDefault: a.IsDefault, FileName: a.FileName, DownloadUrl: attachmentUrl(a) })) : [],
  };
}

/**
 * `GET /product` (§5.1): ID, Sku, Name (contains), ModifiedSince, IncludeDeprecated,
 * IncludeAttachments; paged, envelope `{Total, Page, Products}`.
 */
export function getProducts(ctx: HandlerContext) {
  const { page, limit } = paging(ctx);
  const id = ctx.q.get('ID')?.toLowerCase();
  const sku = (ctx.q.get('Sku') ?? ctx.q.get('SKU'))?.toLowerCase();
  const name = ctx.q.get('Name')?.toLowerCase();
  const modifiedRaw = ctx.q.get('ModifiedSince');
  const modified = modifiedRaw ? parseDearDate(modifiedRaw) : undefined;
  if (modifiedRaw && !modified) throw badRequest('ModifiedSince must be a date in ISO 8601 format.');
  const deprecated = ctx.q.bool('IncludeDeprecated');
  const rows = ctx.state.products.filter(
    (p) =>
      (!id || p.ID.toLowerCase() === id) &&
      (!sku || p.SKU.toLowerCase() === sku) &&
      (!name || p.Name.toLowerCase().includes(name)) &&
      (!modified || p.LastModifiedOn.getTime() > modified.getTime()) &&
      (deprecated || p.Status === 'Active'),
  );
  const include = ctx.q.bool('IncludeAttachments');
  return { Total: rows.length, Page: page, Products: pageOf(rows, page, limit).map((p) => renderProduct(p, include)) };
}

function renderFamily(ctx: HandlerContext, f: ProductFamily) {
  const products = f.Products.map((fp) => {
    const p = ctx.state.products.find((x) => x.ID === fp.ID);
    return { ID: fp.ID, SKU: p?.SKU ?? '', Name: p?.Name ?? '', Option1: fp.Option1, Option2: fp.Option2, Option3: fp.Option3 };
  });
  const values = (k: 'Option1' | 'Option2' | 'Option3') => [...new Set(f.Products.map((p) => p[k]).filter(Boolean))].join(',');
  const tiers: Record<string, number> = {};
  for (let i = 1; i <= 10; i++) tiers[`PriceTier${i}`] = 0;
  return {
    ID: f.ID,
    SKU: f.SKU,
    Name: f.Name,
    Category: f.Category,
    Brand: null,
    CostingMethod: 'FIFO',
    DropShipMode: 'No Drop Ship',
    DefaultLocation: 'Main Warehouse',
    Option1Name: f.Option1Name,
    Option1Values: values('Option1'),
    Option2Name: f.Option2Name,
    Option2Values: values('Option2'),
    Option3Name: f.Option3Name,
    Option3Values: values('Option3'),
    UOM: 'Item',
    MinimumBeforeReorder: 0,
    ReorderQuantity: 0,
    ...tiers,
    Description: null,
    ShortDescription: null,
    AttributeSet: null,
    DiscountRule: null,
    Tags: '',
    COGSAccount: null,
    RevenueAccount: null,
    InventoryAccount: null,
    PurchaseTaxRule: null,
    SaleTaxRule: null,
    HSCode: '',
    CountryOfOrigin: 'United States',
    CountryOfOriginCode: 'US',
    LastModifiedOn: formatModified(f.LastModifiedOn),
    Attachments: [],
    Products: products,
  };
}

/**
 * `GET /productFamily` (§5.1 "Options / variants"). `Sku` matches the family's SKU or
 * one of its variants' SKUs (so a client can find a product's family; the reference
 * does not say which SKU the filter compares — our choice), `ID` the family id.
 */
export function getProductFamilies(ctx: HandlerContext) {
  const { page, limit } = paging(ctx);
  const id = ctx.q.get('ID')?.toLowerCase();
  const sku = ctx.q.get('Sku')?.toLowerCase();
  const name = ctx.q.get('Name')?.toLowerCase();
  const rows = ctx.state.families.filter((f) => {
    if (id && f.ID.toLowerCase() !== id) return false;
    if (name && !f.Name.toLowerCase().startsWith(name)) return false;
    if (sku) {
      const skus = [f.SKU, ...f.Products.map((fp) => ctx.state.products.find((p) => p.ID === fp.ID)?.SKU ?? '')];
      if (!skus.some((s) => s.toLowerCase() === sku)) return false;
    }
    return true;
  });
  return { Total: rows.length, Page: page, ProductFamilies: pageOf(rows, page, limit).map((f) => renderFamily(ctx, f)) };
}

/** `GET /ref/carrier` (§7.1): Description = starts with. */
export function getCarriers(ctx: HandlerContext) {
  const { page, limit } = paging(ctx);
  const id = ctx.q.get('CarrierID')?.toLowerCase();
  const d = ctx.q.get('Description')?.toLowerCase();
  const rows = ctx.state.carriers.filter((c) => (!id || c.CarrierID.toLowerCase() === id) && (!d || c.Description.toLowerCase().startsWith(d)));
  return { Total: rows.length, Page: page, CarrierList: pageOf(rows, page, limit).map((c) => ({ ...c })) };
}

/**
 * `GET /ref/location` (§5.4, §7.3): locations with their `Bins` (objects, or `null`
 * when none — as in the yaml example); bins are also listed as rows of their own with
 * `ParentID`/`ParentName` pointing at the warehouse.
 */
export function getLocations(ctx: HandlerContext) {
  const { page, limit } = paging(ctx);
  const id = ctx.q.get('ID')?.toLowerCase();
  const name = ctx.q.get('Name')?.toLowerCase();
  const base = { FixedAssetsLocation: false, IsCoMan: false, IsShopfloor: false, IsStaging: false, IsDeprecated: false, PickZones: null, ReferenceCount: 0 };
  const rows = ctx.state.locations.flatMap((l) => {
    const address = { AddressLine1: l.AddressLine1, AddressLine2: l.AddressLine2, AddressCitySuburb: l.AddressCitySuburb, AddressStateProvince: l.AddressStateProvince, AddressZipPostCode: l.AddressZipPostCode, AddressCountry: l.AddressCountry };
    const main = { ...base, ...address, ID: l.ID, Name: l.Name, IsDefault: l.IsDefault, ParentID: null, ParentName: null, Bins: l.Bins.length ? l.Bins.map((b) => ({ ...b })) : null };
    const bins = l.Bins.map((b) => ({ ...base, ...address, ID: b.ID, Name: b.Name, IsDefault: false, IsStaging: b.IsStaging, IsDeprecated: b.IsDeprecated, ParentID: l.ID, ParentName: l.Name, Bins: null }));
    return [main, ...bins];
  });
  const deprecated = ctx.q.bool('Deprecated');
  const filtered = rows.filter((r) => (!id || r.ID.toLowerCase() === id) && (!name || r.Name.toLowerCase().startsWith(name)) && (deprecated || !r.IsDeprecated));
  return { Total: filtered.length, Page: page, LocationList: pageOf(filtered, page, limit) };
}
