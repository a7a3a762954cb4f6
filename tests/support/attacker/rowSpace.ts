/**
 * The attacker's arithmetic: an incrementally built row space of 0/1
 * vectors, kept in reduced echelon form modulo the prime 94 906 249 (the
 * largest below √2^53, so products stay exact in Number arithmetic). A set
 * whose indicator vector lies in the span of published sets has its
 * aggregate (a count, a sum of scores, a list of comments) known exactly,
 * whatever the coefficients. Written apart from the product's own
 * disclosure code, with another prime and another elimination, so the two
 * check each other.
 */
const P = 94_906_249;

const mod = (a: number) => ((a % P) + P) % P;

function inverse(a: number): number {
  let result = 1;
  let base = mod(a);
  let exponent = P - 2;
  while (exponent > 0) {
    if (exponent % 2 === 1) result = (result * base) % P;
    base = (base * base) % P;
    exponent = Math.floor(exponent / 2);
  }
  return result;
}

export class RowSpace {
  /** Basis rows, each normalised so its pivot is 1, keyed by pivot column. */
  private readonly rows = new Map<number, Float64Array>();

  constructor(private readonly size: number) {}

  private reduce(vector: Float64Array): Float64Array {
    for (const [pivot, row] of this.rows) {
      const factor = vector[pivot]!;
      if (factor === 0) continue;
      for (let i = 0; i < this.size; i++) if (row[i] !== 0) vector[i] = mod(vector[i]! - factor * row[i]!);
    }
    return vector;
  }

  /** Adds the indicator of a set of column indexes. */
  add(columns: Iterable<number>): void {
    const v = this.reduce(indicator(columns, this.size));
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot < 0) return;
    const scale = inverse(v[pivot]!);
    for (let i = 0; i < this.size; i++) v[i] = (v[i]! * scale) % P;
    for (const existing of this.rows.values()) {
      const factor = existing[pivot]!;
      if (factor !== 0) for (let i = 0; i < this.size; i++) if (v[i] !== 0) existing[i] = mod(existing[i]! - factor * v[i]!);
    }
    this.rows.set(pivot, v);
  }

  /** Whether the aggregate of exactly these columns can be computed from what was added. */
  contains(columns: Iterable<number>): boolean {
    return this.reduce(indicator(columns, this.size)).every((x) => x === 0);
  }
}

function indicator(columns: Iterable<number>, size: number): Float64Array {
  const v = new Float64Array(size);
  for (const c of columns) v[c] = 1;
  return v;
}
