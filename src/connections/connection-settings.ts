/** Address shape used everywhere in our API (SPEC Appendix A). */
export interface Address {
  name: string;
  company?: string;
  street1: string;
  street2?: string;
  street3?: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  phone?: string;
  email?: string;
  residential?: boolean;
}

/** The non-secret settings of a connection, stored as JSON. */
export interface ConnectionSettings {
  shippingService: {
    enabled: boolean;
    shipFrom?: Address;
    currency: string;
    freight?: { mode: 'none' | 'invoice_charge' | 'order_charge'; productName: string };
    carrierNames?: Record<string, string>;
    trackingUrlTemplates?: Record<string, string>;
  };
  orderSync: {
    exportAt: 'packed' | 'order_authorised';
    since: string;
    statusMapping: Record<string, string>;
  };
  fieldMapping: {
    giftAttribute?: string;
    giftMessageAttribute?: string;
    paymentMethod: string;
  };
  /** Upstream budgets (SPEC §3): requests per minute per credential. */
  limits: { shipstationPerMinute: number; dearPerMinute: number };
}
