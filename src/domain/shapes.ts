// Shapes stored as jsonb. The API schemas validate them on the way in; these types describe what is stored.

export interface Address {
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  countryCode?: string | null;
}

export interface OrderItem {
  sku?: string | null;
  name: string;
  quantity: number;
  imageUrl?: string | null;
  productUrl?: string | null;
}

export interface ShipmentItem {
  sku: string;
  quantity: number;
}

/** Where a carrier event happened, at city level. */
export interface EventLocation {
  city?: string | null;
  region?: string | null;
  postalCode?: string | null;
  countryCode?: string | null;
}
