// 加减分事项 and manual adjustments as the API answers them: the route schemas
// (src/http/routes/evaluation-entries.types.ts) through the contract. Types only.
export type { AdjustmentEntry, EntryChoices, EventEntry } from '../../../src/http/contract';
