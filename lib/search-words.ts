/**
 * Pure helpers for search boxes: splitting what was typed into words the way
 * SQLite's unicode61 tokenizer does, and a small edit distance for matching a
 * misspelt word ("hamstrng") to a word the library really uses ("hamstring").
 */

/** Lower-cased letter/digit runs, at most `max` of them: "Chin-tuck, 2x" -> ["chin", "tuck", "2x"]. */
export function searchWords(text: string, max = 6): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, max);
}

/** An FTS5 query where every word must start a word of the entry: "hams" finds hamstring. */
export function prefixQuery(words: string[]): string {
  return words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(" AND ");
}

/**
 * What was typed, as phrases: each space-separated chunk is one phrase of its
 * words, so "side-of-neck" means those three words in a row, not anywhere.
 */
export function searchPhrases(text: string, max = 6): string[][] {
  return text
    .split(/\s+/)
    .map((chunk) => searchWords(chunk, max))
    .filter((words) => words.length > 0)
    .slice(0, max);
}

/** An FTS5 query where every phrase must appear, its last word as a prefix: "side of ne" finds "side of neck". */
export function phraseQuery(phrases: string[][]): string {
  return phrases.map((words) => `"${words.map((w) => w.replace(/"/g, '""')).join(" ")}"*`).join(" AND ");
}

/** How many typos a word of this length may hold and still count as meant. */
export function typoAllowance(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2;
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and
 * swaps of neighbours), giving up early once it exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The words of `vocabulary` close enough to `word` to be what was meant, nearest first. */
export function nearWords(word: string, vocabulary: Iterable<string>, max = 5): string[] {
  const limit = typoAllowance(word);
  if (limit === 0) return [];
  const hits: { term: string; d: number }[] = [];
  for (const term of vocabulary) {
    // Compare with the same length of the term too, so a typo in a prefix ("hamstr") still finds its word.
    const d = Math.min(
      editDistance(word, term, limit),
      term.length > word.length ? editDistance(word, term.slice(0, word.length), limit) : limit + 1,
    );
    if (d <= limit) hits.push({ term, d });
  }
  return hits
    .sort((x, y) => x.d - y.d || x.term.localeCompare(y.term))
    .slice(0, max)
    .map((h) => h.term);
}
