/**
 * Values that cannot be read — the non-JSON input every exported function must survive: an
 * object with a throwing getter, a Proxy whose every trap throws, a revoked Proxy. Shared by the
 * every-door law and the regression tests of the functions that once let such a value through.
 */

/** Every trap a Proxy handler can have, each throwing. */
const THROWING_HANDLER: ProxyHandler<object> = Object.fromEntries(
  (Object.getOwnPropertyNames(Reflect) as (keyof typeof Reflect)[]).map((trap) => [
    trap,
    () => {
      throw new Error(`unreadable: ${trap}`);
    },
  ]),
);

/** A Proxy of `target` (an array or an object) whose every trap throws. */
export function trapsThrow<T extends object>(target: T = {} as T): T {
  return new Proxy(target, THROWING_HANDLER) as T;
}

/** A revoked Proxy of `target`: even `Array.isArray` throws on it. */
export function revoked<T extends object>(target: T = {} as T): T {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy as T;
}

/** A shallow copy of `value` (an object or an array) whose `key` is a throwing getter. */
export function throwingAt<T extends object>(value: T, key: string | number): T {
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  Object.defineProperty(copy, key, {
    enumerable: true,
    configurable: true,
    get() {
      throw new Error(`unreadable: ${String(key)}`);
    },
  });
  return copy as T;
}

/** A copy of the array `items` whose `length` throws (every other trap reads the array). */
export function lengthThrows<T extends unknown[]>(items: T): T {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (key === 'length') throw new Error('unreadable: length');
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
