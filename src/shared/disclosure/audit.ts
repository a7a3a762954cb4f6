/**
 * The audit: can anything about fewer than k responses be computed from a
 * set of published sums? The unknowns are the cells of a linked table
 * (audience × unit × answer mode × release), each holding n > 0 responses;
 * every published figure is the sum over a set of cells. A combination of
 * published figures that is non-zero only on cells holding together fewer
 * than k responses tells something about those few responses alone (their
 * count, their answers, their difference from another few). The audit
 * looks for the smallest such combination exactly:
 *
 * 1. keep only combinations that vanish on every cell of k or more
 *    responses (such a cell is never part of a small support);
 * 2. in what remains (a space W over the small cells), find each circuit:
 *    a vector whose support no other vector of W strictly contains;
 *    every vector of W is a sum of circuits, so the lightest support is
 *    a circuit's. W splits into blocks of basis rows that share no cell,
 *    and each circuit lies in one block, so blocks are searched apart;
 * 3. report a leak when a circuit's cells hold fewer than k responses.
 *
 * When the search would be too large it reports a leak: the caller then
 * publishes less.
 */
import { PRIMES, basis, vanishingCombinations, type Matrix } from './linearAlgebra.ts';

const MAX_CIRCUIT_CANDIDATES = 20_000;

function binomial(n: number, r: number): number {
  let result = 1;
  for (let i = 0; i < r; i++) result = (result * (n - i)) / (i + 1);
  return result;
}

function* subsets(size: number, r: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === r) {
    yield prefix;
    return;
  }
  for (let i = start; i < size; i++) yield* subsets(size, r, i + 1, [...prefix, i]);
}

function leaksModulo(counts: readonly number[], published: Matrix, k: number, p: number): boolean {
  const small = counts.flatMap((n, i) => (n < k ? [i] : []));
  if (small.length === 0 || published.length === 0) return false;
  const big = counts.flatMap((n, i) => (n >= k ? [i] : []));
  // Step 1.
  const w = basis(vanishingCombinations(published, big, small, p), p);
  // Step 2, per block: basis rows that share no cell span independent parts of W, and every circuit lies in one part.
  for (const block of blocks(w)) {
    const columns = [...new Set(block.flatMap((row) => row.flatMap((x, i) => (x !== 0 ? [i] : []))))];
    const part = block.map((row) => columns.map((c) => row[c]!));
    const d = part.length;
    if (binomial(columns.length, d - 1) > MAX_CIRCUIT_CANDIDATES) return true;
    const positions = columns.map((_, i) => i);
    // A circuit vanishes on d − 1 independent coordinates of its part.
    for (const zeros of subsets(columns.length, d - 1)) {
      const kernel = d === 1 ? part : basis(vanishingCombinations(part, zeros, positions, p), p);
      if (kernel.length !== 1) continue;
      const weight = kernel[0]!.reduce((sum, x, i) => (x !== 0 ? sum + counts[small[columns[i]!]!]! : sum), 0);
      // Step 3.
      if (weight < k) return true;
    }
  }
  return false;
}

/** Groups the rows of a reduced basis into blocks of rows linked by a shared non-zero cell. */
function blocks(rows: Matrix): Matrix[] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<number, number>();
  rows.forEach((row, r) => {
    row.forEach((x, c) => {
      if (x === 0) return;
      const other = owner.get(c);
      if (other === undefined) owner.set(c, r);
      else parent[find(r)] = find(other);
    });
  });
  const groups = new Map<number, Matrix>();
  rows.forEach((row, r) => groups.set(find(r), [...(groups.get(find(r)) ?? []), row]));
  return [...groups.values()];
}

/**
 * Whether some combination of the published sums isolates fewer than k
 * responses. `counts[i]` is the number of responses in cell i; each
 * published figure lists the cells it sums.
 */
export function isolatesFewerThan(counts: readonly number[], published: readonly (readonly number[])[], k: number): boolean {
  const rows: Matrix = published.map((cells) => {
    const row = new Array<number>(counts.length).fill(0);
    for (const c of cells) row[c] = 1;
    return row;
  });
  return PRIMES.some((p) => leaksModulo(counts, rows.map((r) => [...r]), k, p));
}
