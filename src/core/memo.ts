// The one way Utblick remembers computed values: by the argument a function is called with.
// Objects (a dataset) are held weakly, so a value lives as long as the object it was computed
// from; strings and numbers (a language, a formatted key) for the life of the process.

type Cache<K, V> = { get(key: K): V | undefined; has(key: K): boolean; set(key: K, value: V): unknown };

/** A function whose result is computed once per argument (or once, for a function of none). */
export function memoize<V>(compute: () => V): () => V;
export function memoize<K, V>(compute: (key: K) => V): (key: K) => V;
export function memoize<K, V>(compute: (key: K) => V): (key: K) => V {
  const byValue = new Map<K, V>();
  const byObject = new WeakMap<object, V>();
  const cacheFor = (key: K): Cache<K, V> =>
    key !== null && (typeof key === "object" || typeof key === "function")
      ? (byObject as unknown as Cache<K, V>)
      : byValue;
  return (key) => {
    const cache = cacheFor(key);
    const known = cache.get(key);
    // One lookup in the common case; a second only for a remembered undefined.
    if (known !== undefined || cache.has(key)) return known as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
