// What the public endpoints (/api/public/results/:slug, /api/public/honours/:slug), the public-link
// routes and the honours lists answer: the route schemas (public-results.types.ts, honours.types.ts)
// through the contract. Types only: nothing of the server enters the bundle.
export type {
  HonourListDetail,
  HonourListSummary,
  PublicEvaluation,
  PublicHonourEntry,
  PublicHonours,
  PublicLinkInfo,
  PublicUnit,
} from '../../../src/http/contract';
