// Checks that the web client is translated: every Swedish text the UI shows through
// tr()/trf() (or marks with N_() to translate later) has an English entry in some
// file's EnglishText table, with the same printf conversions; no table entry is left
// unused; and no widget gets a bare string literal that would stay Swedish (the
// product's name excepted).
//
// Usage: node tests/i18n/check_english.mjs [wasm source folder]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2] ?? new URL('../../wasm', import.meta.url).pathname;

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(cpp|hpp)$/.test(name) ? [path] : [];
  });
}

// A C++ string: one literal or several side by side ("a" "b" is "ab").
const literal = String.raw`((?:"(?:[^"\\]|\\.)*"\s*)+)`;
const unescape = (s) => [...s.matchAll(/"((?:[^"\\]|\\.)*)"/g)]
  .map((m) => JSON.parse(`"${m[1].replace(/\\'/g, "'")}"`)).join('');
const withoutComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '');
const visible = (key) => (key.includes('##') ? key.slice(0, key.indexOf('##')) : key);
const conversions = (s) => (s.match(/%[-+ #0-9.]*[a-z%]/g) ?? []).join(' ');

const used = new Map();     // key → first place it is used
const english = new Map();  // Swedish → English
const problems = [];

for (const file of sources(root)) {
  const text = withoutComments(readFileSync(file, 'utf8'));
  const where = relative(process.cwd(), file);
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:trf?|N_)\(\s*${literal}`, 'g'))) {
    const key = visible(unescape(m[1]));
    if (key !== '' && !used.has(key)) used.set(key, where);
  }
  for (const table of text.matchAll(/EnglishText\s+\w+\[\]\s*=\s*\{([\s\S]*?)\n\};/g)) {
    for (const m of table[1].matchAll(new RegExp(String.raw`\{\s*${literal}\s*,\s*${literal}\s*\}`, 'g'))) {
      const [sv, en] = [unescape(m[1]), unescape(m[2])];
      if (english.has(sv) && english.get(sv) !== en) problems.push(`${where}: "${sv}" has two English texts`);
      english.set(sv, en);
      if (conversions(sv) !== conversions(en)) problems.push(`${where}: "${sv}" → "${en}": the % conversions differ`);
      if (en.trim() === '') problems.push(`${where}: "${sv}" has an empty English text`);
    }
  }
  // A string literal straight into a widget would never be translated.
  const widget = String.raw`\b(?:ui::(?!BeginPanel\b)[A-Z]\w*|ImGui::(?:Text|TextUnformatted|TextWrapped|Button|SmallButton|Selectable|Checkbox|MenuItem|BeginTabItem|CollapsingHeader|SetTooltip))\(\s*${literal}`;
  for (const m of text.matchAll(new RegExp(widget, 'g'))) {
    const shown = visible(unescape(m[1]));
    if (shown !== 'Skolnav' && /[A-Za-zÅÄÖåäö]/.test(shown.replace(/%[-+ #0-9.]*[a-z%]/g, ''))) problems.push(`${where}: "${shown}" is shown without tr()`);
  }
}

for (const [key, where] of used) if (!english.has(key)) problems.push(`${where}: no English for "${key}"`);
for (const sv of english.keys()) if (!used.has(sv)) problems.push(`English table: "${sv}" is never used with tr(), trf() or N_()`);

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`check_english: ${problems.length} problem(s); ${used.size} texts, ${english.size} translated`);
  process.exit(1);
}
console.log(`check_english: all ${used.size} UI texts have English`);
