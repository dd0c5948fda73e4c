/**
 * Per-process memo: each key's answer is reused for ttlMs. Failures are not remembered, so the next call
 * tries again. For facts that only change when the homeserver is reconfigured or upgraded.
 */
export function rememberFor<T>(ttlMs: number, load: (key: string) => Promise<T>): (key: string, now?: number) => Promise<T> {
  const remembered = new Map<string, { value: T; at: number }>();
  return async (key, now = Date.now()) => {
    const hit = remembered.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = await load(key);
    remembered.set(key, { value, at: now });
    return value;
  };
}
