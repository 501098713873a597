// Remembering computed values: for values asked for on every page (formatted names, dates), and
// for values derived once from a dataset and shared by pages and files.

/** A function of a string key whose results are remembered for the life of the process. */
export function memoize<V>(compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/** A function of an object (a dataset) whose result lives as long as the object does. */
export function memoizeFor<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
