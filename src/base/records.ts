/**
 * Typed views of records whose keys are a known union. `Object.entries` and `Object.fromEntries` forget the key
 * type, so the one cast each needs lives here instead of at every call.
 */
export function entriesOf<K extends string, V>(record: Readonly<Record<K, V>>): Array<[K, V]> {
  return Object.entries(record) as Array<[K, V]>;
}

/** A record with one entry per key, each value made from its key. */
export function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;
}
