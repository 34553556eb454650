/**
 * Deep freezing, for the "inputs are never mutated" law.
 * @module
 */

/**
 * Freezes `value` and everything reachable from it, then returns it. In strict mode (every ES
 * module) any later write throws, so a test proves a function never mutates its input.
 * @example
 * ```ts
 * const visitor = deepFreeze(structuredClone(sample));
 * evaluate(visitor, deepFreeze(messages), now); // throws if evaluate wrote to either
 * ```
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null || Object.isFrozen(item)) continue;
    Object.freeze(item);
    for (const key of Reflect.ownKeys(item)) stack.push((item as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
