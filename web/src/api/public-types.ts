// What the public endpoints (/api/public/results/:slug, /api/public/honours/:slug) and the public-link
// routes answer (src/http/routes/public-results.types.ts).

export interface PublicUnit {
  rank: number;
  code: string;
  name: string;
  score: number;
  base: number;
  bonus: number;
  penalty: number;
  dimensions: { id: string; name: string; points: number; score: number }[];
  /** The consequence of the unit's rank band (流动红旗, 约谈), when the scheme declares bands. */
  consequence?: string;
}

export interface PublicEvaluation {
  kind: 'evaluation';
  slug: string;
  shortUrl: string;
  scheme: { name: string; version: string; total: number };
  period: string;
  region: { code: string; name: string };
  publishedAt: string | null;
  hash: string;
  groups: { id: string; units: PublicUnit[] }[];
}

export interface PublicHonourEntry {
  position: number;
  name: string;
  regionCode: string | null;
  category: string | null;
  note: string | null;
}

export interface PublicHonours {
  kind: 'honours';
  slug: string;
  shortUrl: string;
  title: string;
  year: number;
  issuedBy: string | null;
  issuedOn: string | null;
  publishedAt: string | null;
  hash: string;
  entries: PublicHonourEntry[];
}

export interface PublicLinkInfo {
  link: { slug: string; shortUrl: string; pagePath: string; createdAt: string; createdBy: string } | null;
}

export interface HonourListSummary {
  id: number;
  title: string;
  year: number;
  issuedBy: string | null;
  issuedOn: string | null;
  sourceFile: string | null;
  hash: string;
  createdBy: string;
  createdAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
  entries: number;
}

export interface HonourListDetail extends HonourListSummary {
  items: PublicHonourEntry[];
}
