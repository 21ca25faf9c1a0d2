// The ids of the built-in 考评方案 (the YAML files beside load-scheme.ts), without reading them:
// node-free, so the API schemas that name them (bulletins.types.ts) stay importable by the web's
// type-check (src/http/contract.ts).
export const BUILTIN_SCHEMES = ['sibisikan-2020', 'sangeyipi-2022'] as const;
export type BuiltinSchemeId = (typeof BUILTIN_SCHEMES)[number];

export function isBuiltinScheme(id: string): id is BuiltinSchemeId {
  return (BUILTIN_SCHEMES as readonly string[]).includes(id);
}
