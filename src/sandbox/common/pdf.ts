/**
 * A minimal, valid one-page PDF (1.4) with a few lines of text, for simulated labels.
 * Uncompressed content stream, Helvetica, correct cross-reference offsets, so PDF
 * readers open it and tests can find the text (e.g. the tracking number) in the bytes.
 * The page is 4x6 inches (288x432 pt), the usual thermal label size.
 */
export function makePdf(lines: string[], size: { width: number; height: number } = { width: 288, height: 432 }): Buffer {
  const escape = (s: string): string =>
    s.replace(/[^\x20-\x7e]/g, '?').replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)');
  const textOps = lines
    .map((line, i) => `BT /F1 ${i === 0 ? 14 : 11} Tf 18 ${size.height - 36 - i * 20} Td (${escape(line)}) Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${size.width} ${size.height}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(textOps, 'latin1')} >>\nstream\n${textOps}\nendstream`,
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export function makePdfBase64(lines: string[]): string {
  return makePdf(lines).toString('base64');
}
