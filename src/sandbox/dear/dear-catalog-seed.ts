/**
 * Deterministic reference data for the DEAR simulator: company, locations with bins,
 * carriers, products (weights in g, kg, oz and lb; image attachments) and product
 * families with options. Used by dear-seed.ts.
 */
import type { Carrier, Company, Location, Product, ProductFamily } from './dear-types';
import { seedGuid } from './dear-util';

export const COMPANY: Company = {
  Company: 'Sandbox Outfitters LLC',
  Currency: 'USD',
  TimeZone: 'America/Chicago',
  DefaultWeightUnits: 'g',
  DefaultDimensionsUnits: 'cm',
};

function bin(name: string) {
  return { ID: seedGuid(`bin:${name}`), Name: name, IsDeprecated: false, IsStaging: false };
}

export function seedLocations(): Location[] {
  return [
    {
      ID: seedGuid('loc:main'),
      Name: 'Main Warehouse',
      IsDefault: true,
      AddressLine1: '1200 Commerce Street',
      AddressLine2: '',
      AddressCitySuburb: 'Austin',
      AddressStateProvince: 'Texas',
      AddressZipPostCode: '78701',
      AddressCountry: 'United States',
      Bins: ['A-01-01', 'A-01-02', 'A-01-03', 'B-02-01', 'C-03-04'].map(bin),
    },
    {
      ID: seedGuid('loc:overflow'),
      Name: 'Overflow Store',
      IsDefault: false,
      AddressLine1: '88 Industrial Way',
      AddressLine2: 'Unit 4',
      AddressCitySuburb: 'Round Rock',
      AddressStateProvince: 'Texas',
      AddressZipPostCode: '78664',
      AddressCountry: 'United States',
      Bins: [],
    },
  ];
}

export function seedCarriers(): Carrier[] {
  return ['DEFAULT Carrier', 'UPS', 'FedEx', 'USPS', 'DHL Express', 'Canada Post', 'Royal Mail', 'Australia Post'].map(
    (d) => ({ CarrierID: seedGuid(`carrier:${d}`), Description: d }),
  );
}

interface ProductSpec {
  sku: string;
  name: string;
  weight: number;
  units: Product['WeightUnits'];
  dims?: [number, number, number, string];
  price: number;
  category?: string;
  locator?: string | null;
  /** 'default' = two images, the second one default; 'nonDefaultOnly' = one image not flagged default; 'pdfThenImage' */
  images?: 'default' | 'nonDefaultOnly' | 'pdfThenImage' | 'single';
  available?: number;
  type?: 'Stock' | 'Service';
  attrs?: Array<string | null>;
}

const PRODUCT_SPECS: ProductSpec[] = [
  { sku: 'TEE-BLK-M', name: 'Classic Tee - Black / M', weight: 180, units: 'g', dims: [30, 25, 2, 'cm'], price: 24, category: 'Apparel', locator: 'Aisle 3, Shelf B', images: 'default' },
  { sku: 'TEE-BLK-L', name: 'Classic Tee - Black / L', weight: 190, units: 'g', dims: [32, 26, 2, 'cm'], price: 24, category: 'Apparel', locator: 'Aisle 3, Shelf C', images: 'nonDefaultOnly' },
  { sku: 'TEE-WHT-M', name: 'Classic Tee - White / M', weight: 180, units: 'g', dims: [30, 25, 2, 'cm'], price: 22, category: 'Apparel', locator: 'Aisle 3, Shelf A' },
  { sku: 'HOOD-NVY-S', name: 'Zip Hoodie - Navy / S', weight: 1.1, units: 'lb', dims: [14, 12, 3, 'in'], price: 59, category: 'Apparel', locator: 'Aisle 4, Bay 2', images: 'single' },
  { sku: 'HOOD-NVY-M', name: 'Zip Hoodie - Navy / M', weight: 1.2, units: 'lb', dims: [14, 12, 3, 'in'], price: 59, category: 'Apparel', locator: null },
  { sku: 'MUG-CER-11', name: 'Ceramic Mug 11 oz', weight: 0.42, units: 'kg', dims: [12, 9, 10, 'cm'], price: 14.5, category: 'Kitchen', locator: 'Shelf K-2', images: 'default' },
  { sku: 'NOTE-HC-A5', name: 'Hardcover Notebook A5', weight: 12, units: 'oz', dims: [8.3, 5.8, 0.8, 'in'], price: 18, category: 'Stationery', locator: 'Bin S-14' },
  { sku: 'KETTLE-EL', name: 'Electric Kettle 1.7 L', weight: 2.5, units: 'lb', dims: [9, 7, 10, 'in'], price: 49.99, category: 'Kitchen', locator: 'Aisle 7', images: 'single' },
  { sku: 'CANDLE-LAV', name: 'Lavender Soy Candle', weight: 350, units: 'g', dims: [8, 8, 10, 'cm'], price: 19, category: 'Home', locator: 'Aisle 2, Shelf D', images: 'pdfThenImage' },
  { sku: 'CHAIR-OFC', name: 'Ergonomic Office Chair', weight: 14.5, units: 'kg', dims: [70, 65, 50, 'cm'], price: 289, category: 'Furniture', locator: 'Floor F-1' },
  { sku: 'SOCKS-3PK', name: 'Merino Socks (3 pack)', weight: 4, units: 'oz', price: 27, category: 'Apparel', locator: 'Aisle 3, Drawer 9' },
  { sku: 'POSTER-A2', name: 'Mountain Poster A2', weight: 200, units: 'g', dims: [60, 8, 8, 'cm'], price: 15, category: 'Home', locator: null },
  { sku: 'LAMP-DESK', name: 'Brass Desk Lamp', weight: 1.8, units: 'kg', dims: [40, 20, 20, 'cm'], price: 79, category: 'Home', locator: 'Aisle 9', available: 0 },
  { sku: 'Freight', name: 'Freight', weight: 0, units: 'g', price: 0, type: 'Service', category: 'Services', locator: null },
  { sku: 'GIFT-WRAP', name: 'Gift Wrap', weight: 0, units: 'g', price: 4.5, type: 'Service', category: 'Services', locator: null },
];

/** Product ids by SKU, for sales and tests. */
export const PRODUCT_IDS: Record<string, string> = Object.fromEntries(
  PRODUCT_SPECS.map((p) => [p.sku, seedGuid(`product:${p.sku}`)]),
);

function attachments(p: ProductSpec): Product['Attachments'] {
  const att = (n: string, ct: string, dflt: boolean) => ({
    ID: seedGuid(`att:${p.sku}:${n}`),
    ContentType: ct,
    FileName: n,
    IsDefault: dflt,
  });
  const slug = p.sku.toLowerCase();
  switch (p.images) {
    case 'default':
      return [att(`${slug}-back.jpg`, 'image/jpeg', false), att(`${slug}-front.jpg`, 'image/jpeg', true)];
    case 'nonDefaultOnly':
      return [att(`${slug}.png`, 'image/png', false)];
    case 'pdfThenImage':
      return [att(`${slug}-safety-sheet.pdf`, 'application/pdf', false), att(`${slug}.jpg`, 'image/jpeg', false)];
    case 'single':
      return [att(`${slug}.jpg`, 'image/jpeg', true)];
    default:
      return [];
  }
}

export function seedProducts(now: Date): Product[] {
  return PRODUCT_SPECS.map((p, i) => ({
    ID: PRODUCT_IDS[p.sku],
    SKU: p.sku,
    Name: p.name,
    Category: p.category ?? 'General',
    Brand: p.type === 'Service' ? null : 'Sandbox Goods',
    Type: p.type ?? 'Stock',
    UOM: 'Item',
    Barcode: p.type === 'Service' ? null : `0${(7350000000000 + i * 1117).toString()}`,
    Length: p.dims ? p.dims[0] : 0,
    Width: p.dims ? p.dims[1] : 0,
    Height: p.dims ? p.dims[2] : 0,
    Weight: p.weight,
    WeightUnits: p.units,
    DimensionsUnits: p.dims ? p.dims[3] : null,
    PriceTier1: p.price,
    AverageCost: Math.round(p.price * 45) / 100,
    DefaultLocation: 'Main Warehouse',
    StockLocator: p.locator ?? null,
    Status: 'Active',
    ShortDescription: p.type === 'Service' ? null : `${p.name}.`,
    AdditionalAttributes: p.attrs ?? [p.category === 'Apparel' ? 'Cotton' : null, null, null, null, null, null, null, null, null, null],
    Attachments: attachments(p),
    LastModifiedOn: new Date(now.getTime() - (90 - i) * 86_400_000),
    Available: p.available ?? 500,
  }));
}

export function seedFamilies(now: Date): ProductFamily[] {
  return [
    {
      ID: seedGuid('family:TEE'),
      SKU: 'TEE',
      Name: 'Classic Tee',
      Category: 'Apparel',
      Option1Name: 'Colour',
      Option2Name: 'Size',
      Option3Name: '',
      Products: [
        { ID: PRODUCT_IDS['TEE-BLK-M'], Option1: 'Black', Option2: 'M', Option3: '' },
        { ID: PRODUCT_IDS['TEE-BLK-L'], Option1: 'Black', Option2: 'L', Option3: '' },
        { ID: PRODUCT_IDS['TEE-WHT-M'], Option1: 'White', Option2: 'M', Option3: '' },
      ],
      LastModifiedOn: new Date(now.getTime() - 120 * 86_400_000),
    },
    {
      ID: seedGuid('family:HOOD'),
      SKU: 'HOOD',
      Name: 'Zip Hoodie',
      Category: 'Apparel',
      Option1Name: 'Colour',
      Option2Name: 'Size',
      Option3Name: 'Fit',
      Products: [
        { ID: PRODUCT_IDS['HOOD-NVY-S'], Option1: 'Navy', Option2: 'S', Option3: 'Regular' },
        { ID: PRODUCT_IDS['HOOD-NVY-M'], Option1: 'Navy', Option2: 'M', Option3: 'Regular' },
      ],
      LastModifiedOn: new Date(now.getTime() - 110 * 86_400_000),
    },
  ];
}
