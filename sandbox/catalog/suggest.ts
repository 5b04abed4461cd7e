// "Did you mean": the nearest name by optimal string alignment distance (an insertion, a
// deletion, a substitution or a swap of neighbours each cost 1), so `GetObjcet` finds
// `GetObject`. Only close names are offered: a far one would mislead more than help.

/** Distance, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length] ?? limit + 1;
}

/** The closest of `names` to `word` (both compared as given), or `null` when none is close. */
export function closest(word: string, names: readonly string[]): string | null {
  // A third of the word, at least 1 and at most 3 edits.
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const name of names) {
    const d = editDistance(word, name, Math.min(limit, bestDistance));
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}
