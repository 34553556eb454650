/**
 * Hostile mutations of valid inputs, shared by the differential test (runtime checker vs zod
 * schemas) and the parse ⇔ evaluate law: a valid document from the testing kit with one to three
 * parts replaced by values that break or stress a rule — wrong types, bounds ± 1, holes,
 * prototype keys, 100,000-deep trees — a key added, or a list item repeated.
 */
import fc from 'fast-check';

export type Json = unknown;
export type Path = readonly (string | number)[];

/** Every path in a JSON value (objects and arrays), root included, down to 40 levels (iteratively). */
export function paths(value: Json, at: Path = []): Path[] {
  const found: Path[] = [];
  const stack: { value: Json; at: Path }[] = [{ value, at }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    found.push(next.at);
    if (next.at.length >= 40) continue;
    if (Array.isArray(next.value)) next.value.forEach((item, index) => stack.push({ value: item, at: [...next.at, index] }));
    else if (typeof next.value === 'object' && next.value !== null) {
      for (const [key, item] of Object.entries(next.value)) stack.push({ value: item, at: [...next.at, key] });
    }
  }
  return found;
}

export function get(value: Json, path: Path): Json {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, Json>)[key];
  }
  return current;
}

/** A deep copy of `value` with the value at `path` replaced (`undefined` deletes the key). */
export function replaced(value: Json, path: Path, next: Json): Json {
  if (path.length === 0) return next;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[key as number] = replaced(copy[key as number], rest, next);
    return copy.filter((item) => item !== undefined);
  }
  const copy = { ...(value as Record<string, Json>) };
  const inner = replaced(copy[key], rest, next);
  if (inner === undefined) delete copy[key];
  else copy[key] = inner;
  return copy;
}

/** Values that break or stress some rule of the format (bounds ± 1, wrong types, hostile shapes). */
export const nasty: Json[] = [
  undefined, null, true, 0, -1, 1, 1.5, -0.5, 1e20, 86_401, 2_000_000, -2_000_000, Number.MAX_SAFE_INTEGER,
  '', ' ', 'x', '   ', 'a,b', 'VIP Customer', 'Hi 👋', 'Thanks ❤️', 'Acme™', 'x'.repeat(6), 'x'.repeat(11), 'x'.repeat(36),
  'x'.repeat(41), 'x'.repeat(65), 'x'.repeat(81), 'x'.repeat(101), 'x'.repeat(129), 'x'.repeat(201), 'x'.repeat(1001),
  '2026-11-23T10:00:00Z', '2026-11-23T10:00:00', '2026-02-30T10:00:00Z', '2026-12-01', '2026-02-30', '2028-02-29',
  '09:00', '24:00', '24:30', '25:00', '9:00', 'Europe/Berlin', 'Mars/Olympus', 'en', 'en-US', 'english!',
  'draft', 'live', 'paused', 'error', 'manual', 'channelDeleted', 'agent', 'aiAgent', 'pageLoad', 'timeOnPage',
  'anytime', 'businessHours', 'once', 'everyTime', 'name', 'email', 'phone', 'mon', 'sun', 'desktop', 'watch',
  'webWidget', 'email',
  [], ['x'], [1], ['email', 'email'], ['channelDeleted', 'channelDeleted'], new Array(51).fill('t'),
  Array.from({ length: 51 }, (_, i) => `t${i}`), [{}], {}, { a: 1 }, { type: 'agent' }, { event: 'pageLoad' },
  { type: 'anytime' }, { day: 'mon', open: '09:00', close: '17:00' },
  Number.NaN, Number.POSITIVE_INFINITY, -0, 86_400, 1_000_000, -1_000_000, 1_000_001, 1.0000001, '23:59', '00:00',
  '0999-12-31', '1000-01-01', '9999-12-31', '2026-11-23T10:00:00.0005Z', '2026-11-23T10:00Z', '+275760-09-13T00:00:00.000Z',
  'x'.repeat(200), 'x'.repeat(1000), 'x'.repeat(8193), new Array(50).fill('t'), new Array(70).fill({ day: 'mon', open: '09:00', close: '17:00' }),
  new Array(71).fill({ day: 'mon', open: '09:00', close: '17:00' }), [, 'x'], // eslint-disable-line no-sparse-arrays -- a hole
  { __proto__: null, a: 1 }, JSON.parse('{"__proto__": 1}'), JSON.parse('{"constructor": {}}'),
  { all: [] }, { any: [{ fact: 'pageUrl', operator: 'equal', value: '/' }] }, { not: { not: { not: {} } } },
  { fact: 'pageUrl', operator: 'lessThan', value: 3 }, { fact: 'metadata.__proto__', operator: 'equal', value: 1 },
  { fact: 'pageUrl', operator: 'containsAnyOf', value: ['x'], path: '$.x' }, { all: [{ fact: 'language', operator: 'in', value: ['en-US'] }] },
  deepNots(100_000),
];

/** A `not` chain `levels` deep around one leaf. */
function deepNots(levels: number): Json {
  let node: Json = { fact: 'pageUrl', operator: 'equal', value: '/' };
  for (let i = 0; i < levels; i += 1) node = { not: node };
  return node;
}

export type Mutation =
  | { readonly kind: 'replace'; readonly pick: number; readonly value: number }
  | { readonly kind: 'addKey'; readonly pick: number }
  | { readonly kind: 'duplicateItem'; readonly pick: number };

/** One to three of these break a valid input somewhere. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: fc.nat(nasty.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addKey' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateItem' as const), pick: fc.nat() }) },
);

/** A copy of `input` with the mutations applied (the input is not changed). */
export function mutate(input: Json, mutations: readonly Mutation[]): Json {
  let current = input;
  for (const mutation of mutations) {
    const all = paths(current);
    const path = all[mutation.pick % all.length] as Path;
    const target = get(current, path);
    if (mutation.kind === 'replace') current = replaced(current, path, nasty[mutation.value]);
    else if (mutation.kind === 'addKey' && typeof target === 'object' && target !== null && !Array.isArray(target)) {
      current = replaced(current, path, { ...target, extraKey: 1 });
    } else if (mutation.kind === 'duplicateItem' && Array.isArray(target) && target.length > 0) {
      current = replaced(current, path, [...target, target[0]]);
    }
  }
  return current;
}


/** A short, safe description of a (possibly 100,000-deep) input for assertion messages. */
export function show(input: Json): string {
  try {
    return String(JSON.stringify(input)).slice(0, 2000);
  } catch {
    return '(too deep to print)';
  }
}
