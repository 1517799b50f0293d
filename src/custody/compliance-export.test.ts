import { describe, expect, it } from 'vitest';
import { csv, csvField } from '../core/csv.js';
import { pdfText } from '../core/pdf.js';
import { DEFAULT_THRESHOLDS, evaluateCompliance } from './compliance.js';
import { complianceCsv, compliancePdf, exportFileName } from './compliance-export.js';

const report = evaluateCompliance({
  from: '2025-04-01',
  to: '2025-04-02',
  cells: [{ id: 'c1', code: 'M1-C01', areaM2: 100, localOccupants: 57 }],
  regime: ['2025-04-01', '2025-04-02'].map((date) => ({
    cellId: 'c1',
    date,
    outdoorExerciseMinutes: 30,
    nightLightHours: 24,
    beddingProvided: false,
    drinkingWaterLitresPerPerson: null,
    familyContacts: 0,
  })),
  housed: new Map([['c1', new Map([['2025-04-01', 1]])]]),
  notifications: [],
  now: '2025-05-01T00:00:00Z',
  thresholds: DEFAULT_THRESHOLDS,
});

describe('compliance export', () => {
  it('writes every finding as a CSV row with its rule and source', () => {
    const text = complianceCsv(report);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('rule,source,severity,date,cell,person,detail');
    expect(lines).toHaveLength(report.findings.length + 1);
    expect(lines).toContain(
      'outdoor-exercise,Mandela Rule 23,medium,2025-04-01,M1-C01,,30 min of outdoor exercise; at least 60 required',
    );
    // A source with a comma is quoted.
    expect(text).toContain('lighting,"Mandela Rules 14, 43",high,2025-04-01,M1-C01');
    expect(exportFileName({ facilityCode: 'SV-CECOT' }, report, 'csv')).toBe(
      'compliance-SV-CECOT-2025-04-01-2025-04-02.csv',
    );
    expect(exportFileName({ facilityCode: 'a/b c' }, report, 'pdf')).toBe(
      'compliance-a-b-c-2025-04-01-2025-04-02.pdf',
    );
  });

  it('quotes CSV fields and keeps a spreadsheet from running a formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe("'-5");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
    expect(csv(['a', 'b'], [[1, 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n');
  });

  it('draws only what the PDF standard fonts can show, spelling out the rest', () => {
    expect(pdfText('Régimen: ≥ 4 m², “niño” — ok')).toBe('Régimen: >= 4 m², “niño” — ok');
    expect(pdfText('≤ 24 h → done')).toBe('<= 24 h -> done');
    expect(pdfText('汉字')).toBe('??');
  });

  it('makes a PDF document with a page per part of the report', async () => {
    const pdf = await compliancePdf(report, {
      facilityCode: 'SV-TEST',
      facilityName: 'Centro de prueba',
      timeZone: 'America/El_Salvador',
      generatedAt: '2025-05-01T00:00:00.000Z',
      ledger: { size: 12, rootHex: 'ab'.repeat(32) },
    });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });
});
