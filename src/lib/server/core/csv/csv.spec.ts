import { describe, expect, it } from 'vitest';
import { CSV_UNSUPPORTED, csvCell, csvObjects, readCsv, writeCsv } from '.';

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
