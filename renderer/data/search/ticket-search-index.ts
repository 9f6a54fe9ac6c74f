/**
 * Free-text search over every cached ticket, kept current one ticket at a time and saved whole, so a
 * start loads it instead of rebuilding it.
 *
 * Built for a lead's 50,000 tickets: a one-letter query matches nearly all of them, and a ranking
 * library that scores every match with BM25 took seconds for it. Here every posting is one integer
 * (ticket ordinal × 8 + field), a query term marks the tickets it matches in a typed array, and only
 * the best `limit` are sorted: a query costs the postings it touches, with no allocation per match.
 * A changed ticket gets a new ordinal and its old one is left dead (skipped by searches) until the
 * dead outnumber the living; the saved form is two strings and two typed arrays, which IndexedDB
 * stores and reads back without walking an object graph.
 */
import type { SearchIndexData } from '../local-db';
import type { SearchResult } from './search-protocol';
import type { SearchDocument } from './search-document';

/** Bump when the fields, weights, tokens or the saved form change: a saved index in an older format is rebuilt. */
export const SEARCH_INDEX_FORMAT = 2;

const FIELDS = ['number', 'title', 'customerName', 'tenantDomain', 'resellerName', 'text'] as const;
/** How much a match in each field counts, in FIELDS' order: a ticket's number most, free text least. */
const FIELD_WEIGHT = [4, 2, 2, 2, 1, 1];
const FIELD_BITS = 3;
const FIELD_MASK = (1 << FIELD_BITS) - 1;
/** A word the query's term only begins, or one a typo away, counts less than the word itself. */
const PREFIX_WEIGHT = 0.5;
const FUZZY_WEIGHT = 0.4;
const SEPARATOR = '\n';
/** Above every ordinal (2^24 tickets, with their changes, before a compaction renumbers them). */
const ORDINAL_SPAN = 2 ** 24;

/** Whether each ASCII character is part of a word (letters and digits); others are looked up below. */
const ASCII_WORD = Array.from({ length: 128 }, (_, code) => /[a-z0-9]/i.test(String.fromCharCode(code)));
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * Words as the index and the query both see them: runs of letters and digits, lower-cased; spaces,
 * punctuation and symbols separate them. A loop over the characters, as indexing a lead's copy reads
 * every word of 50,000 tickets.
 */
function tokens(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let position = 0; position <= lower.length; position += 1) {
    const code = position < lower.length ? lower.charCodeAt(position) : 32;
    const inWord = code < 128 ? (ASCII_WORD[code] as boolean) : WORD_CHARACTER.test(lower.charAt(position));
    if (inWord && start < 0) start = position;
    else if (!inWord && start >= 0) {
      words.push(lower.slice(start, position));
      start = -1;
    }
  }
  return words;
}

/**
 * How many typos a query word may carry: none in short words or in anything with a digit (CSS-100103
 * must not find CSS-100107), one in words of 5 to 7 letters, two from 8.
 */
function typosAllowed(term: string): number {
  return term.length > 4 && !/\d/.test(term) ? Math.round(term.length * 0.2) : 0;
}

/** Two rows of the edit-distance table, reused: a typo search compares the query word with every term. */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Whether `a` and `b` are at most `max` single-letter edits apart (Levenshtein, stopped early). */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length * 2);
    currentRow = new Int32Array(b.length * 2);
  }
  for (let j = 0; j <= b.length; j += 1) previousRow[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    currentRow[0] = i;
    let best = i;
    const letter = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const replace = (previousRow[j - 1] as number) + (letter === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min((previousRow[j] as number) + 1, (currentRow[j - 1] as number) + 1, replace);
      currentRow[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return false;
    [previousRow, currentRow] = [currentRow, previousRow];
  }
  return (previousRow[b.length] as number) <= max;
}

/** The first index in sorted `terms` whose term is not below `term`. */
function lowerBound(terms: readonly string[], term: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((terms[middle] as string) < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Postings as loaded (a view into the saved array) or grown since (a plain array). */
type Postings = Int32Array | number[];

export class TicketSearchIndex {
  /** Ticket id by ordinal; null once the ticket changed or left (its postings are then skipped). */
  private ids: (string | null)[] = [];
  private ordinals = new Map<string, number>();
  private dead = 0;
  private postings = new Map<string, Postings>();
  /** Every term in order, for prefixes and typos; terms added since it was last brought in order wait in `unsorted`. */
  private sorted: string[] = [];
  private unsorted: string[] = [];

  static empty(): TicketSearchIndex {
    return new TicketSearchIndex();
  }

  /** Reads a saved index; throws when it is not one this version wrote, so the caller rebuilds. */
  static load(data: SearchIndexData): TicketSearchIndex {
    const { ids, terms, offsets, postings } = data;
    if (
      typeof ids !== 'string' ||
      typeof terms !== 'string' ||
      !(offsets instanceof Int32Array) ||
      !(postings instanceof Int32Array)
    )
      throw new Error('the saved search index is not in the expected shape');
    const index = new TicketSearchIndex();
    index.ids = ids === '' ? [] : ids.split(SEPARATOR);
    index.ids.forEach((id, ordinal) => index.ordinals.set(id as string, ordinal));
    index.sorted = terms === '' ? [] : terms.split(SEPARATOR);
    if (offsets.length !== index.sorted.length + 1 || offsets.at(-1) !== postings.length)
      throw new Error('the saved search index has postings that do not match its terms');
    index.sorted.forEach((term, position) =>
      index.postings.set(term, postings.subarray(offsets[position], offsets[position + 1])),
    );
    return index;
  }

  /** The index as saved: living tickets only, renumbered in the same order. */
  save(): SearchIndexData {
    this.compact();
    this.bringInOrder();
    const offsets = new Int32Array(this.sorted.length + 1);
    let total = 0;
    this.sorted.forEach((term, position) => {
      total += (this.postings.get(term) as Postings).length;
      offsets[position + 1] = total;
    });
    const postings = new Int32Array(total);
    this.sorted.forEach((term, position) => postings.set(this.postings.get(term) as Postings, offsets[position]));
    return { ids: this.ids.join(SEPARATOR), terms: this.sorted.join(SEPARATOR), offsets, postings };
  }

  get size(): number {
    return this.ids.length - this.dead;
  }

  upsert(documents: readonly SearchDocument[]): void {
    for (const document of documents) {
      this.forget(document.id);
      const ordinal = this.ids.length;
      this.ids.push(document.id);
      this.ordinals.set(document.id, ordinal);
      FIELDS.forEach((field, fieldIndex) => {
        for (const term of tokens(document[field])) this.post(term, (ordinal << FIELD_BITS) | fieldIndex);
      });
    }
    if (this.dead > this.size) this.compact();
  }

  remove(ticketIds: readonly string[]): void {
    for (const id of ticketIds) this.forget(id);
    if (this.dead > this.size) this.compact();
  }

  /**
   * The tickets matching every word of the query (each word as a word, as the beginning of one, or a
   * typo away), best match first and, among equals, the most recently indexed first: the first
   * `limit`, and how many in all.
   */
  search(query: string, limit: number): Omit<SearchResult, 'complete'> {
    const words = [...new Set(tokens(query))];
    if (words.length === 0 || this.ids.length === 0) return { ids: [], total: 0 };
    this.bringInOrder();
    let scores: Float64Array | null = null;
    for (const word of words) {
      const wordScores = this.scoresOf(word);
      if (scores === null) scores = wordScores;
      else
        for (let ordinal = 0; ordinal < scores.length; ordinal += 1) {
          // Every word must match: a ticket missing one scores nothing.
          const sofar = scores[ordinal] as number;
          const score = wordScores[ordinal] as number;
          scores[ordinal] = sofar === 0 || score === 0 ? 0 : sofar + score;
        }
    }
    return this.best(scores as Float64Array, limit);
  }

  /** For one query word, each ticket's best match: its field's weight times how closely the word matched. */
  private scoresOf(word: string): Float64Array {
    const scores = new Float64Array(this.ids.length);
    const mark = (postings: Postings, closeness: number) => {
      for (const posting of postings) {
        const ordinal = posting >>> FIELD_BITS;
        const score = (FIELD_WEIGHT[posting & FIELD_MASK] as number) * closeness;
        if (score > (scores[ordinal] as number)) scores[ordinal] = score;
      }
    };
    for (let position = lowerBound(this.sorted, word); position < this.sorted.length; position += 1) {
      const term = this.sorted[position] as string;
      if (!term.startsWith(word)) break;
      // A longer word the query only begins counts the less, the more of it is left to type.
      mark(this.postings.get(term) as Postings, term === word ? 1 : (PREFIX_WEIGHT * word.length) / term.length);
    }
    const typos = typosAllowed(word);
    if (typos > 0) {
      for (const term of this.sorted) {
        if (!term.startsWith(word) && withinEdits(word, term, typos))
          mark(this.postings.get(term) as Postings, FUZZY_WEIGHT);
      }
    }
    return scores;
  }

  /** The living tickets with a score, the best `limit` in order, and how many there were. */
  private best(scores: Float64Array, limit: number): Omit<SearchResult, 'complete'> {
    // Score and ordinal in one number, so a native numeric sort ranks them: the score in 1/1024ths
    // above the ordinal's bits, so equal scores fall back to the most recently indexed.
    const keys = new Float64Array(scores.length);
    let total = 0;
    for (let ordinal = 0; ordinal < scores.length; ordinal += 1) {
      const score = scores[ordinal] as number;
      if (score > 0 && this.ids[ordinal] !== null) keys[total++] = Math.round(score * 1024) * ORDINAL_SPAN + ordinal;
    }
    const ranked = keys.subarray(0, total).sort().reverse().subarray(0, limit);
    return { ids: Array.from(ranked, (key) => this.ids[key % ORDINAL_SPAN] as string), total };
  }

  private post(term: string, posting: number): void {
    const postings = this.postings.get(term);
    // A word said twice in a field is posted once: its postings end with this one already.
    if (postings?.[postings.length - 1] === posting) return;
    if (postings === undefined) {
      this.postings.set(term, [posting]);
      this.unsorted.push(term);
    } else if (postings instanceof Int32Array) this.postings.set(term, [...postings, posting]);
    else postings.push(posting);
  }

  private forget(id: string): void {
    const ordinal = this.ordinals.get(id);
    if (ordinal === undefined) return;
    this.ids[ordinal] = null;
    this.ordinals.delete(id);
    this.dead += 1;
  }

  /** Merges the terms added since into the ordered list. */
  private bringInOrder(): void {
    if (this.unsorted.length === 0) return;
    const added = this.unsorted.sort();
    this.unsorted = [];
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < this.sorted.length || j < added.length) {
      if (j === added.length || (i < this.sorted.length && (this.sorted[i] as string) < (added[j] as string)))
        merged.push(this.sorted[i++] as string);
      else merged.push(added[j++] as string);
    }
    this.sorted = merged;
  }

  /** Renumbers the living tickets in order and drops the dead ones' postings, and terms left without any. */
  private compact(): void {
    if (this.dead === 0) return;
    const renumbered = new Int32Array(this.ids.length).fill(-1);
    const living: string[] = [];
    this.ids.forEach((id, ordinal) => {
      if (id === null) return;
      renumbered[ordinal] = living.length;
      living.push(id);
    });
    for (const [term, postings] of this.postings) {
      const kept: number[] = [];
      for (const posting of postings) {
        const ordinal = renumbered[posting >>> FIELD_BITS] as number;
        if (ordinal >= 0) kept.push((ordinal << FIELD_BITS) | (posting & FIELD_MASK));
      }
      if (kept.length > 0) this.postings.set(term, kept);
      else this.postings.delete(term);
    }
    this.ids = living;
    this.ordinals = new Map(living.map((id, ordinal) => [id, ordinal]));
    this.dead = 0;
    this.sorted = [...this.postings.keys()].sort();
    this.unsorted = [];
  }
}
