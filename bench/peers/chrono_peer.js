// chrono-node over a list of articles: times chrono.parse() per file.
//
//   node chrono_peer.js LIST [--timeml OUT_DIR]
//
// LIST: one .txt path a line; X.dct beside X.txt (YYYY-MM-DD) is the
// reference date (else the file's own "Posted: DD.MM.YYYY" line, else now).
// Prints one JSON line: files, bytes, parse_seconds / parse_cpu_seconds
// (wall / CPU time of chrono.parse only, summed), found. With --timeml, writes OUT_DIR/X.tml: the text with each result as a
// TIMEX3 (rough mapping: type TIME if the hour is known, else DATE; value the
// known components only: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDThh:mm; a range
// becomes one TIMEX3 valued by its start). chrono has no durations or sets.
const fs = require('fs');
const path = require('path');
const chrono = require('chrono-node');

const args = process.argv.slice(2);
const list = fs.readFileSync(args[0], 'utf8').split('\n').filter(Boolean);
const ti = args.indexOf('--timeml');
const outDir = ti >= 0 ? args[ti + 1] : null;
if (outDir) fs.mkdirSync(outDir, { recursive: true });

function refDate(file, text) {
  const dctFile = file.replace(/\.txt$/, '.dct');
  let m = null;
  if (fs.existsSync(dctFile)) m = /(\d{4})-(\d{2})-(\d{2})/.exec(fs.readFileSync(dctFile, 'utf8'));
  if (m) return new Date(+m[1], +m[2] - 1, +m[3], 12);
  m = /^Posted: (\d{2})\.(\d{2})\.(\d{4})/.exec(text);
  if (m) return new Date(+m[3], +m[2] - 1, +m[1], 12);
  return new Date();
}

const pad = (n, w = 2) => String(n).padStart(w, '0');
function value(c) {
  const y = c.get('year');
  let v = pad(y, 4);
  if (!c.isCertain('month')) return v;
  v += '-' + pad(c.get('month'));
  if (!c.isCertain('day') && !c.isCertain('weekday')) return v;
  v += '-' + pad(c.get('day'));
  if (c.isCertain('hour')) v += 'T' + pad(c.get('hour')) + ':' + pad(c.get('minute'));
  return v;
}
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let bytes = 0, seconds = 0, cpu = 0, found = 0;
for (const file of list) {
  const text = fs.readFileSync(file, 'utf8');
  const ref = refDate(file, text);
  bytes += Buffer.byteLength(text);
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const results = chrono.parse(text, ref);
  seconds += Number(process.hrtime.bigint() - t0) / 1e9;
  const c1 = process.cpuUsage(c0);
  cpu += (c1.user + c1.system) / 1e6;
  found += results.length;
  if (outDir) {
    let out = '', at = 0, n = 1;
    for (const r of results) {
      if (r.index < at) continue;
      out += esc(text.slice(at, r.index));
      const type = r.start.isCertain('hour') ? 'TIME' : 'DATE';
      out += `<TIMEX3 tid="t${n++}" type="${type}" value="${value(r.start)}">` + esc(r.text) + '</TIMEX3>';
      at = r.index + r.text.length;
    }
    out += esc(text.slice(at));
    const name = path.basename(file, '.txt');
    const d = ref;
    const dct = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    fs.writeFileSync(path.join(outDir, name + '.tml'),
      `<?xml version="1.0" ?>\n<TimeML>\n<DOCID>${name}</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" value="${dct}" functionInDocument="CREATION_TIME">${dct}</TIMEX3></DCT>\n<TEXT>${out}</TEXT>\n</TimeML>\n`);
  }
}
console.log(JSON.stringify({ peer: 'chrono-node', files: list.length, bytes, parse_seconds: seconds, parse_cpu_seconds: cpu, found }));
