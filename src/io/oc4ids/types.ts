// The part of OC4IDS 0.9 (schemas/oc4ids/0.9/project-schema.json) that sibi writes, and what the
// mapping reads (Oc4idsSource, in src/domain/oc4ids.ts).
export type { Oc4idsReport, Oc4idsSource } from '../../domain/oc4ids';

/** A JSON number of 元: exact, since every amount is checked to be at most 2^53 − 1. */
export interface Oc4idsValue {
  amount: number;
  currency: 'CNY';
}

export interface Oc4idsPeriod {
  startDate?: string;
  endDate?: string;
}

export interface Oc4idsObservation {
  id: string;
  period?: Oc4idsPeriod;
  value?: Oc4idsValue;
  measure?: string;
  dimensions?: Record<string, string>;
  notes?: string;
}

export interface Oc4idsMetric {
  id: 'physicalProgress' | 'financialProgress';
  title: string;
  description: string;
  observations: Oc4idsObservation[];
}

export interface Oc4idsClassification {
  scheme: string;
  id: string;
  description: string;
}

export interface Oc4idsAddress {
  region?: string;
  locality?: string;
  countryName: string;
}

export interface Oc4idsLocation {
  id: string;
  description: string;
  geometry?: { type: 'Point'; coordinates: [number, number] };
  gazetteer: { scheme: string; identifiers: string[] };
  address: Oc4idsAddress;
}

export interface Oc4idsParty {
  id: string;
  name: string;
  roles: string[];
  address?: Oc4idsAddress;
}

export type Oc4idsStatus = 'identification' | 'preparation' | 'implementation' | 'completion';

export interface Oc4idsProject {
  id: string;
  updated: string;
  title: string;
  description?: string;
  status: Oc4idsStatus;
  period?: Oc4idsPeriod;
  sector?: string[];
  additionalClassifications: Oc4idsClassification[];
  locations: Oc4idsLocation[];
  budget?: { description: string; amount: Oc4idsValue };
  parties: Oc4idsParty[];
  publicAuthority?: { id: string; name: string };
  metrics?: Oc4idsMetric[];
  completion?: { endDate?: string; endDateDetails?: string };
  language: 'zh';
}

export interface Oc4idsPackage {
  uri: string;
  publishedDate: string;
  publisher: { name: string };
  license: string;
  publicationPolicy: string | null;
  version: '0.9';
  projects: Oc4idsProject[];
}
