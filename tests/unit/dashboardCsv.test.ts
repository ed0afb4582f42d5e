/**
 * The dashboard's CSV downloads (client/src/lib/csv.ts): a
 * cell a spreadsheet would run as a formula stays text, numbers stay numbers.
 */
import { describe, expect, it } from 'vitest';
import { csvFilename, neutraliseFormula, toCsv } from '../../client/src/lib/csv.ts';

describe('dashboard CSV', () => {
  it.each(['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tTab', '\rReturn'])('prefixes %j with an apostrophe', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text, numbers (negative too) and booleans alone, and writes nothing for null', () => {
    expect(neutraliseFormula('Harbourline Contact Services')).toBe('Harbourline Contact Services');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula(-3)).toBe(-3);
    expect(neutraliseFormula(true)).toBe(true);
    expect(neutraliseFormula(null)).toBe('');
    expect(neutraliseFormula(undefined)).toBe('');
  });

  it('writes the header and rows in column order, quoting commas and quotes, with neutralised cells', () => {
    const csv = toCsv(['Vendor', 'Records'], [
      { Records: 5_700_000, Vendor: 'Harbourline, Contact "Services"' },
      { Vendor: '=cmd|calc', Records: null },
    ]);
    expect(csv).toBe('Vendor,Records\r\n"Harbourline, Contact ""Services""",5700000\r\n\'=cmd|calc,');
  });

  it('names the file after the chart and the day', () => {
    expect(csvFilename('top-risks', new Date('2026-11-24T10:00:00Z'))).toBe('tollgate-top-risks-2026-11-24.csv');
  });
});
