import { describe, expect, it } from 'vitest';
import {
	CSV_UNSUPPORTED,
	csvCell,
	csvDateTime,
	csvNumber,
	csvObjects,
	readCsv,
	spreadsheetCell,
	writeCsv,
	writeSpreadsheetCsv
} from '.';

function table(input: Uint8Array | string) {
	const t = readCsv(input);
	if (!t.ok) throw new Error(t.key);
	return t;
}

describe('readCsv', () => {
	it('reads quoted cells, semicolons, CRLF and reports line numbers of the file', () => {
		const t = table(
			'\ufeffName;Email\r\n"Virtanen; Aino";a@x.fi\r\n\r\n"Rivi\nkahdella";"b""@x.fi"\n'
		);
		expect(t.header).toEqual(['name', 'email']);
		expect(csvObjects(t)).toEqual([
			{ line: 2, values: { name: 'Virtanen; Aino', email: 'a@x.fi' } },
			{ line: 4, values: { name: 'Rivi\nkahdella', email: 'b"@x.fi' } }
		]);
	});
	it('decodes Windows-1252 when the bytes are not UTF-8, and UTF-8 with or without BOM', () => {
		const latin = Uint8Array.from([
			...Buffer.from('name,city\nM'),
			0xe4,
			...Buffer.from('kel'),
			0xe4,
			...Buffer.from(','),
			0xc5,
			...Buffer.from('bo\n')
		]);
		expect(table(latin).rows[0].cells).toEqual(['Mäkelä', 'Åbo']);
		expect(table(Buffer.from('\ufeffname\nMäkelä\n', 'utf8')).rows[0].cells).toEqual(['Mäkelä']);
		expect(table(Buffer.from('name\nMäkelä\n', 'utf8')).rows[0].cells).toEqual(['Mäkelä']);
	});
	it('refuses binary files, tab-separated files and broken quoting', () => {
		expect(readCsv(Buffer.from('name,x\n', 'utf16le'))).toEqual({
			ok: false,
			key: CSV_UNSUPPORTED
		});
		expect(readCsv(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toMatchObject({ ok: false });
		expect(readCsv('name\temail\nx\ty\n')).toMatchObject({ ok: false });
		expect(readCsv('a,b\n"open,1\n')).toMatchObject({ ok: false });
	});
});

describe('writeCsv', () => {
	it('neutralises formula triggers in text cells and leaves numbers alone', () => {
		for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
			expect(csvCell(s)).toBe(`'${s}`);
		expect(csvCell(-1)).toBe(-1);
		expect(csvCell([1, 2])).toBe('1 2');
		expect(writeCsv([['=HYPERLINK("http://x","y")', -1, 'x;y', null]])).toBe(
			`"'=HYPERLINK(""http://x"",""y"")",-1,"x;y",\r\n`
		);
		expect(writeCsv([['a', 'b']], { bom: true, eol: '\n' })).toBe('\ufeffa,b\n');
		// Excel in a Finnish locale: semicolons, decimal commas; negative numbers stay numbers.
		expect(writeCsv([['a;b', 1.5, -6, 'x']], { delimiter: ';', decimalComma: true })).toBe(
			'"a;b";1,5;-6;x\r\n'
		);
	});
});

describe('spreadsheet CSV (Excel in Finland)', () => {
	it('writes BOM, semicolons, CRLF, decimal comma in fi/sv, Helsinki time, and neutralises formulas', () => {
		const at = new Date('2026-11-02T12:05:00Z');
		expect(
			writeSpreadsheetCsv(
				[
					['Nimi', 'NPS'],
					['Mäkelä; Aino', -22.7],
					['=1+1', at]
				],
				'fi'
			)
		).toBe('\ufeffNimi;NPS\r\n"Mäkelä; Aino";-22,7\r\n\'=1+1;2026-11-02 14:05\r\n');
		expect(spreadsheetCell(32.6, 'sv')).toBe('32,6');
		expect(spreadsheetCell(32.6, 'en')).toBe('32.6');
		expect(spreadsheetCell(Number.NaN, 'fi')).toBe('');
	});
	it('reads back what it wrote: semicolons, BOM, decimal comma, readable headers', () => {
		const file = writeSpreadsheetCsv(
			[
				['Kunta', 'Syntymävuosi', 'Osuus'],
				['Ylöjärvi', 1980, 0.5]
			],
			'fi'
		);
		const t = table(Buffer.from(file, 'utf8'));
		const rows = csvObjects(t, { municipality: ['Kunta', 'Kommun'], birth_year: ['Syntymävuosi'] });
		expect(rows).toEqual([
			{ line: 2, values: { municipality: 'Ylöjärvi', birth_year: '1980', osuus: '0,5' } }
		]);
		expect(csvNumber(rows[0].values.osuus)).toBe(0.5);
		expect(csvNumber('1 234,5')).toBe(1234.5);
		expect(csvNumber('\u22121.5')).toBe(-1.5);
		expect(csvNumber('')).toBeNull();
		expect(csvNumber('1,2,3')).toBeNull();
	});
});

describe('csvDateTime', () => {
	it('reads ISO with a zone, and Helsinki wall-clock times as exports and people write them', () => {
		expect(csvDateTime('2026-11-02T10:00:00Z')?.toISOString()).toBe('2026-11-02T10:00:00.000Z');
		expect(csvDateTime('2026-11-02 14:05')?.toISOString()).toBe('2026-11-02T12:05:00.000Z');
		expect(csvDateTime('2.11.2026 14.05')?.toISOString()).toBe('2026-11-02T12:05:00.000Z');
		// Summer time: UTC+3.
		expect(csvDateTime('1.7.2026')?.toISOString()).toBe('2026-06-30T21:00:00.000Z');
		expect(csvDateTime('31.2.2026')).toBeNull();
		expect(csvDateTime('eilen')).toBeNull();
	});
});
