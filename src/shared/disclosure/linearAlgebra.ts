/**
 * Exact linear algebra over a prime field, small enough for Number
 * arithmetic (p < 2^25, so every product stays below 2^53). The disclosure
 * audit asks two questions of the published sums: which combinations of
 * them vanish on a set of cells (a left null space), and what those
 * combinations leave on the other cells. Running the audit modulo two
 * primes makes a wrong "no leak" answer (a coincidence mod p) vanishingly
 * unlikely; either prime finding a leak counts.
 */
export const PRIMES = [33_554_393, 33_554_383] as const;

export type Matrix = number[][];

function inverse(a: number, p: number): number {
  // Extended Euclid.
  let [r0, r1] = [a % p, p];
  let [s0, s1] = [1, 0];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % p) + p) % p;
}

/** Row-reduces in place and returns the pivot column of each non-zero row, in order. */
export function rowReduce(m: Matrix, p: number, columns = m[0]?.length ?? 0): number[] {
  const pivots: number[] = [];
  let row = 0;
  for (let col = 0; col < columns && row < m.length; col++) {
    let found = -1;
    for (let r = row; r < m.length; r++) if (m[r]![col] !== 0) { found = r; break; }
    if (found < 0) continue;
    [m[row], m[found]] = [m[found]!, m[row]!];
    const pivotRow = m[row]!;
    const inv = inverse(pivotRow[col]!, p);
    for (let c = 0; c < pivotRow.length; c++) pivotRow[c] = (pivotRow[c]! * inv) % p;
    for (let r = 0; r < m.length; r++) {
      if (r === row) continue;
      const target = m[r]!;
      const factor = target[col]!;
      if (factor === 0) continue;
      for (let c = 0; c < target.length; c++) {
        if (pivotRow[c] !== 0) target[c] = (((target[c]! - factor * pivotRow[c]!) % p) + p) % p;
      }
    }
    pivots.push(col);
    row++;
  }
  return pivots;
}

/**
 * Combinations y of the rows of `m` restricted to `columns` that vanish
 * there (yᵀ·m[:, columns] = 0), each returned as yᵀ·m over `keep`.
 */
export function vanishingCombinations(m: Matrix, columns: readonly number[], keep: readonly number[], p: number): Matrix {
  const rows = m.length;
  // Augment [m[:, columns] | I] and reduce: rows whose left part becomes zero carry y on the right.
  const augmented = m.map((row, i) => [...columns.map((c) => row[c]!), ...Array.from({ length: rows }, (_, j) => (i === j ? 1 : 0))]);
  const pivots = rowReduce(augmented, p, columns.length);
  const result: Matrix = [];
  for (let r = pivots.length; r < rows; r++) {
    const y = augmented[r]!.slice(columns.length);
    result.push(keep.map((c) => {
      let sum = 0;
      for (let i = 0; i < rows; i++) if (y[i] !== 0 && m[i]![c] !== 0) sum = (sum + y[i]! * m[i]![c]!) % p;
      return sum;
    }));
  }
  return result;
}

/** A basis of the row space of `m` (reduced, zero rows dropped). */
export function basis(m: Matrix, p: number): Matrix {
  const copy = m.map((row) => [...row]);
  const pivots = rowReduce(copy, p);
  return copy.slice(0, pivots.length);
}
