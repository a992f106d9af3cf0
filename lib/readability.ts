/**
 * Flesch-Kincaid grade level for patient text, with a small syllable
 * counter of our own (vowel groups, less a silent final e). It is an
 * estimate, good enough to catch text that reads above grade 6.
 */

const WORD = /[A-Za-z0-9']+(?:-[A-Za-z0-9']+)*/g;

export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (w === "") return 0;
  // Numbers read aloud: "10" is one word of about one or two syllables; count one per digit, at most three.
  if (/^[0-9]+$/.test(w)) return Math.min(w.length, 3);
  if (w.length <= 3) return 1;
  const trimmed = w
    // Silent endings: "make", "walked", "shapes"; but "needed", "wanted", "ankle" keep theirs.
    .replace(/(?:[^laeiouycgsxz]es|[^laeiouytd]ed|[^laeiouy]e)$/, (m) => (/^hes$/.test(m) && /[cs]hes$/.test(w) ? m : m[0]))
    .replace(/^y/, "");
  const groups = trimmed.match(/[aeiouy]+/g);
  return Math.max(1, groups ? groups.length : 1);
}

function syllablesOf(token: string): number {
  // "side-of-neck" is three words read aloud.
  return token.split("-").reduce((n, part) => n + countSyllables(part), 0);
}

export type TextStats = { sentences: number; words: number; syllables: number };

/** Each string is at least one sentence (list items often have no full stop). */
export function textStats(lines: readonly string[]): TextStats {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const line of lines) {
    const parts = line.split(/[.!?]+(?:\s|$)/).filter((p) => p.match(WORD));
    sentences += Math.max(1, parts.length);
    for (const token of line.match(WORD) ?? []) {
      words += 1;
      syllables += syllablesOf(token);
    }
  }
  return { sentences, words, syllables };
}

export function fleschKincaidGrade(lines: readonly string[]): number {
  const { sentences, words, syllables } = textStats(lines);
  if (words === 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}
