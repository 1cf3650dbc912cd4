// Compact zxcvbn-ts dictionaries: the selection and the storage format shared by the derivation
// script (derive.mjs), its evaluation and the meter's loader (src/internal/compact-dictionary.ts
// decodes the same format).
//
// Selection, per language (the common lists plus the language's pack):
// 1. A word that appears in several lists is kept once, in the list where its rank is lowest
//    (zxcvbn-ts keeps the cheapest match anyway).
// 2. A word is worth its bytes by how many guesses it saves over brute force: zxcvbn-ts guesses
//    an unknown stretch of L characters in 10^L, a listed word in about its rank. The gain
//    L - log10(rank) (in orders of magnitude) must reach `minGain`; a short word whose rank is
//    close to or above 10^L changes no score.
// Storage: each list is a run of rank buckets (ranks grow by at most `bucketRatio` within a
// bucket); a bucket is written as its lowest rank, then its words sorted and front-coded (a
// capital letter A-Z says how many leading characters are shared with the previous word). Every
// word of a bucket gets the bucket's lowest rank, which can only make an estimate more cautious.

/** zxcvbn-ts guesses an unmatched stretch of L characters as 10^L (BRUTEFORCE_CARDINALITY). */
const LOG10_BRUTE_FORCE_PER_CHAR = 1;

/**
 * @param {Record<string, string[]>} dictionary list name → words, most frequent first
 * @param {{minGain: number, bucketRatio: number, keepShare?: number}} settings
 * @returns {Record<string, string>} list name → encoded buckets
 */
export function compactDictionary(dictionary, {minGain, bucketRatio, keepShare = 1}) {
  /** @type {Map<string, {rank: number, list: string}>} */
  const best = new Map();
  for (const [list, words] of Object.entries(dictionary)) {
    words.forEach((word, index) => {
      const rank = index + 1;
      const known = best.get(word);
      if (!known || rank < known.rank) best.set(word, {rank, list});
    });
  }
  /** @type {Record<string, Array<[string, number]>>} */
  const kept = {};
  for (const list of Object.keys(dictionary)) kept[list] = [];
  for (const [word, {rank, list}] of best) {
    const gain = [...word].length * LOG10_BRUTE_FORCE_PER_CHAR - Math.log10(rank);
    if (gain >= minGain && rank <= dictionary[list].length * keepShare) kept[list].push([word, rank]);
  }
  /** @type {Record<string, string>} */
  const encoded = {};
  for (const [list, entries] of Object.entries(kept)) {
    if (!entries.length) continue;
    entries.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
    /** @type {Map<number, Array<[string, number]>>} */
    const buckets = new Map();
    for (const entry of entries) {
      const bucket = bucketOf(entry[1], bucketRatio);
      (buckets.get(bucket) ?? buckets.set(bucket, []).get(bucket)).push(entry);
    }
    encoded[list] = [...buckets.values()]
      .map((bucket) => `${bucket[0][1].toString(36)}:${frontCode(bucket.map(([word]) => word).sort())}`)
      .join('\n');
  }
  return encoded;
}

/**
 * zxcvbn-ts gives score 0 below 1 005 guesses, and a lone lower-case word is guessed in its rank:
 * no bucket straddles that line, so rounding a rank down never moves a word to score 0.
 */
const SCORE_0_GUESSES = 1005;

/** Buckets on a fixed geometric grid that restarts at {@link SCORE_0_GUESSES}. */
function bucketOf(rank, ratio) {
  if (rank < SCORE_0_GUESSES) return Math.floor(Math.log(rank) / Math.log(ratio));
  return 1e6 + Math.floor(Math.log(rank / SCORE_0_GUESSES) / Math.log(ratio));
}

/** @param {string[]} sorted */
function frontCode(sorted) {
  let previous = '';
  let out = '';
  for (const word of sorted) {
    let shared = 0;
    while (shared < 25 && shared < previous.length && shared < word.length && previous[shared] === word[shared])
      shared++;
    out += String.fromCharCode(65 + shared) + word.slice(shared);
    previous = word;
  }
  return out;
}

/**
 * Decodes one list into zxcvbn-ts's ranked form (word → rank).
 * @param {string} encoded
 * @returns {Record<string, number>}
 */
export function decodeList(encoded) {
  /** @type {Record<string, number>} */
  const ranked = {};
  for (const bucket of encoded.split('\n')) {
    const colon = bucket.indexOf(':');
    const rank = parseInt(bucket.slice(0, colon), 36);
    let previous = '';
    const parts = bucket.slice(colon + 1).split(/([A-Z])/);
    for (let i = 1; i < parts.length; i += 2) {
      previous = previous.slice(0, parts[i].charCodeAt(0) - 65) + parts[i + 1];
      ranked[previous] = rank;
    }
  }
  return ranked;
}

/**
 * How deep into each list the compact set goes, learned from passwords: `needs` holds, for each
 * training password, the lists and ranks of the listed words that its estimate with the full
 * lists relies on (zxcvbn-ts's optimal match sequence). Removing a word that no optimal sequence
 * uses cannot change those estimates, so the depths are grown greedily, always by the step that
 * keeps the most passwords' estimates intact per byte, until `budgetBytes` is spent.
 * @param {Record<string, string[]>} dictionary
 * @param {Array<Map<string, number>>} needs list → deepest rank needed, per training password
 * @param {number} budgetBytes estimated compressed bytes to spend
 * @param {Record<string, number>} bytesPerEntry estimated compressed bytes per kept entry, per list
 * @returns {Record<string, number>} list → depth (entries kept from the top)
 */
export function learnDepths(dictionary, needs, budgetBytes, bytesPerEntry) {
  /** @type {Record<string, number>} */
  const depth = {};
  let spent = 0;
  for (const [list, words] of Object.entries(dictionary)) {
    // Small lists (days, months, planets…) cost next to nothing: kept whole.
    depth[list] = words.length <= 200 ? words.length : 0;
    spent += depth[list] * bytesPerEntry[list];
  }
  const open = needs.filter((need) => need.size > 0);
  for (;;) {
    // For every list, the candidate depths are the ranks still needed beyond its current depth.
    let best;
    for (const list of Object.keys(dictionary)) {
      /** @type {Map<number, number>} rank → credit */
      const credit = new Map();
      for (const need of open) {
        const rank = need.get(list);
        if (rank === undefined || rank <= depth[list]) continue;
        const missing = [...need].filter(([other, r]) => r > depth[other]).length;
        credit.set(rank, (credit.get(rank) ?? 0) + 1 / missing);
      }
      let sum = 0;
      for (const rank of [...credit.keys()].sort((a, b) => a - b)) {
        sum += credit.get(rank);
        const cost = (rank - depth[list]) * bytesPerEntry[list];
        if (spent + cost > budgetBytes) break;
        const value = sum / cost;
        if (!best || value > best.value) best = {list, rank, cost, value};
      }
    }
    if (!best) return depth;
    depth[best.list] = best.rank;
    spent += best.cost;
  }
}
