/** A carrier with what it can do, as the rates and labels modules need it. */
export interface CarrierInfo {
  code: string;
  name: string;
  nickname: string | null;
  primary: boolean;
  services: Array<{ code: string; name: string; domestic: boolean; international: boolean }>;
  packages: Array<{ code: string; name: string; domestic: boolean; international: boolean }>;
}

export interface CarrierCatalog {
  carriers: CarrierInfo[];
}
