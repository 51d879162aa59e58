// Small valid one-page PDFs laid out like a paper's first page (title, authors, abstract), written by the
// tests themselves for sources whose real PDFs are not in ../shared/fixtures/pdfs. Same layout as the Go
// wasm/pdfmeta/pdftest package.

const esc = (s) => s.replace(/[\\()]/g, (c) => `\\${c}`);

function wrap(s, width) {
  const out = [];
  let cur = '';
  for (const w of s.split(/\s+/).filter(Boolean)) {
    if (cur && cur.length + 1 + w.length > width) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * @param {{header?: string, title: string[], authors: string, abstract?: string}} p
 * @returns {Buffer}
 */
export function paperPDF(p) {
  let y = 740;
  let content = '';
  const text = (font, size, s) => {
    content += `BT /${font} ${size} Tf 72 ${y} Td (${esc(s)}) Tj ET\n`;
  };
  if (p.header) {
    text('F1', 8, p.header);
    y -= 40;
  }
  for (const l of p.title) {
    text('F2', 18, l);
    y -= 22;
  }
  y -= 8;
  text('F1', 11, p.authors);
  y -= 44;
  if (p.abstract) {
    text('F2', 10, 'Abstract');
    y -= 14;
    for (const l of wrap(p.abstract, 80)) {
      text('F1', 9, l);
      y -= 11;
    }
    y -= 20;
    text('F2', 12, '1 Introduction');
  }
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objs.map((o, i) => {
    const at = Buffer.byteLength(out, 'latin1');
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
