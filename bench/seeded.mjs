// A small seeded random generator (mulberry32), so the query lists and the
// synthetic corpus the benchmark scripts make are the same on every run.

/// A generator of numbers in [0, 1), starting from `seed`.
export function seededRandom(seed) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
