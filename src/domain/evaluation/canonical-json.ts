// Canonical JSON for publication: object keys sorted, no whitespace, numbers in ECMAScript's
// shortest round-trip form (exactly specified, so identical on every platform), -0 as 0.
// undefined members are dropped as JSON.stringify does; NaN and Infinity are refused.

function number(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`canonicalJson: 非有限数字 ${n} 不能发布`);
  return Object.is(n, -0) ? '0' : String(n);
}

function encode(value: unknown): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      return number(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      return JSON.stringify(value.toString());
  }
  if (Array.isArray(value)) return `[${value.map((v) => encode(v) ?? 'null').join(',')}]`;
  const obj = value as Record<string, unknown>;
  if (typeof (obj as { toJSON?: unknown }).toJSON === 'function')
    return encode((obj as { toJSON: () => unknown }).toJSON());
  const members = Object.keys(obj)
    .sort()
    .flatMap((k) => {
      const v = encode(obj[k]);
      return v === undefined ? [] : [`${JSON.stringify(k)}:${v}`];
    });
  return `{${members.join(',')}}`;
}

export function canonicalJson(value: unknown): string {
  return encode(value) ?? 'null';
}
