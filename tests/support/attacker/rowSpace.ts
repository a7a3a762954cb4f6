/**
 * The attacker's arithmetic: an incrementally built row space of 0/1
 * vectors over the responses of a round, kept in reduced echelon form
 * modulo the Mersenne prime 2^61 − 1 with BigInt. A set of responses whose
 * indicator vector lies in the span of published sets has its aggregate
 * (a count, a sum of scores, a list of comments) known exactly, whatever
 * the coefficients. Written apart from the product's own disclosure code,
 * with other arithmetic, so the two check each other.
 */
const P = (1n << 61n) - 1n;

const mod = (a: bigint) => ((a % P) + P) % P;

function inverse(a: bigint): bigint {
  // Fermat: a^(p−2) mod p.
  let result = 1n;
  let base = mod(a);
  let exponent = P - 2n;
  while (exponent > 0n) {
    if (exponent & 1n) result = (result * base) % P;
    base = (base * base) % P;
    exponent >>= 1n;
  }
  return result;
}

export class RowSpace {
  /** Basis rows, each normalised so its pivot is 1, keyed by pivot column. */
  private readonly rows = new Map<number, bigint[]>();

  constructor(private readonly size: number) {}

  private reduce(vector: readonly bigint[]): bigint[] {
    const v = [...vector];
    for (const [pivot, row] of this.rows) {
      const factor = v[pivot]!;
      if (factor === 0n) continue;
      for (let i = 0; i < this.size; i++) if (row[i] !== 0n) v[i] = mod(v[i]! - factor * row[i]!);
    }
    return v;
  }

  /** Adds the indicator of a set of column indexes. */
  add(columns: Iterable<number>): void {
    const v = this.reduce(indicator(columns, this.size));
    const pivot = v.findIndex((x) => x !== 0n);
    if (pivot < 0) return;
    const scale = inverse(v[pivot]!);
    const row = v.map((x) => (x * scale) % P);
    for (const [other, existing] of this.rows) {
      const factor = existing[pivot]!;
      if (factor !== 0n) this.rows.set(other, existing.map((x, i) => mod(x - factor * row[i]!)));
    }
    this.rows.set(pivot, row);
  }

  /** Whether the aggregate of exactly these columns can be computed from what was added. */
  contains(columns: Iterable<number>): boolean {
    return this.reduce(indicator(columns, this.size)).every((x) => x === 0n);
  }
}

function indicator(columns: Iterable<number>, size: number): bigint[] {
  const v = new Array<bigint>(size).fill(0n);
  for (const c of columns) v[c] = 1n;
  return v;
}
