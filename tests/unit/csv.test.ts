/** CSV fields as Norwegian Excel reads them, and never as formulas it would run. */
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/server/exports/csv.ts';

describe('csvLine', () => {
  it('separates with semicolons, writes decimal commas and ends with CRLF', () => {
    expect(csvLine(['Trivsel', 57.1, 12, null])).toBe('Trivsel;57,1;12;\r\n');
  });
  it('quotes fields with separators, quotes and line breaks', () => {
    expect(csvLine(['a;b', 'sa "hei"', 'to\nlinjer'])).toBe('"a;b";"sa ""hei""";"to\nlinjer"\r\n');
  });
  it('neutralises text that Excel would run as a formula', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '-', '@sum'])).toBe(`"'=HYPERLINK(""x"")";'+1;'-;'@sum\r\n`);
    expect(csvLine([-5])).toBe('-5\r\n');
  });
});
