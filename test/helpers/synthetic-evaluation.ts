// A published evaluation of the synthetic province (28 units, src/domain/evaluation/testing): big
// enough that a sensitivity analysis of 2000 replications takes seconds of CPU, without loading a
// province's data. Stored as publication stores it (scheme, inputs, result); the regions must exist.
import type { Database } from '../../src/db/client';
import { insertEvaluation } from '../../src/db/evaluations';
import { evaluate } from '../../src/domain/evaluation/engine';
import { syntheticUnits, syntheticValues } from '../../src/domain/evaluation/testing/synthetic-province';
import type { EvaluationInput } from '../../src/domain/evaluation/types';
import { loadSchemeSync } from '../../src/schemes/load-scheme';

export async function publishSyntheticProvince(database: Database, period = '2020Q3'): Promise<number> {
  const scheme = loadSchemeSync('sibisikan-2020');
  const input: EvaluationInput = { scheme, units: syntheticUnits(), values: syntheticValues() };
  const { scheme: _scheme, ...inputs } = input;
  const id = await insertEvaluation(database.db, {
    schemeId: scheme.id,
    schemeVersion: scheme.version,
    period,
    parentCode: '410000',
    provinceCode: '410000',
    state: 'published',
    scheme,
    inputs,
    options: {},
    result: evaluate(input),
    contentHash: 'synthetic',
    createdBy: 'fixture',
    publishedBy: 'fixture',
    publishGate: null,
  });
  if (id === null) throw new Error(`${period} is published already`);
  return id;
}
