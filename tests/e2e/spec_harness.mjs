// What every browser spec shares: the settings run_with_server.sh passes, named checks
// that keep going after a failure and print "N passed, M failed", sign-in and sign-out
// through the UI, and the API as the signed-in page sees it.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const env = {
  url: process.env.SKOLNAV_URL || 'http://localhost:8080',
  shots: path.resolve(repo, process.env.SKOLNAV_SHOTS || 'build/screenshots'),
  guardian: process.env.SKOLNAV_GUARDIAN_USER,
  pupil: process.env.SKOLNAV_PUPIL_USER,
  password: process.env.SKOLNAV_PASSWORD || 'demo',
};

// Exits with 2 unless the named settings are there (run the spec through run_with_server.sh).
export function requireEnv(...names) {
  const missing = names.filter((n) => !env[n]);
  if (missing.length) {
    console.error(`set ${missing.map((n) => `SKOLNAV_${n === 'guardian' ? 'GUARDIAN' : 'PUPIL'}_USER`).join(' and ')} (demo accounts)`);
    process.exit(2);
  }
}

let passed = 0, failed = 0;
export async function check(name, body) {
  const t0 = Date.now();
  try {
    await body();
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${e.message.split('\n').join('\n     ')}`);
  }
}
export function expect(cond, message) { if (!cond) throw new Error(message); }

// Prints the tally (and the page's console errors) and exits 1 if any check failed.
export function finish(sk) {
  if (sk && sk.consoleErrors.length) console.log(`     browser console errors:\n     ${sk.consoleErrors.join('\n     ')}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

// The Swedish box names the client shows (wasm/boxes/box_catalog.cpp).
export const BOX_TITLES = {
  franvaro: 'Frånvaro', information: 'Information', kalender: 'Kalender', kontaktlista: 'Kontaktlista',
  dokumentation: 'Dokumentation', blogg: 'Blogg', tidsregistrering: 'Tidsregistrering',
  utvecklingssamtal: 'Utvecklingssamtal', bedomningar: 'Bedömningar', etest: 'eTest',
  fritidsschema: 'Fritidsschema', planeringar: 'Planeringar', schema: 'Schema', uppgifter: 'Uppgifter',
};

// Opens every box on a child's start page (the child's tab first, if any), each from its
// card and back with "Tillbaka". Returns the boxes opened, by wire name.
export async function openEveryBox(sk, pupil) {
  if (await sk.find(pupil.first_name, { role: 'tab' })) await sk.click(pupil.first_name, { role: 'tab' });
  const start = await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupil.id)}/start`);
  expect(start.status === 200, `GET start for ${pupil.first_name}: ${start.status}`);
  const opened = [];
  for (const { box } of start.body.boxes) {
    const title = BOX_TITLES[box];
    await sk.click(await sk.reveal(title, { role: 'link' }));
    await sk.waitFor('Tillbaka', { role: 'button' });
    expect(await sk.find(title, { role: 'text' }), `${title} did not open: ${(await sk.texts()).join(' | ')}`);
    await sk.click('Tillbaka', { role: 'button' });
    await sk.waitFor(title, { role: 'link' });
    opened.push(box);
  }
  return opened;
}

export async function signIn(sk, user) {
  await sk.waitFor('Logga in', { role: 'button' });
  await sk.type('Användarnamn', user);
  await sk.type('Lösenord', env.password);
  await sk.click('Logga in', { role: 'button' });
  await sk.waitFor('Logga ut', { role: 'button' });
}

export async function signOut(sk) {
  await sk.click('Logga ut', { role: 'button' });
  await sk.waitFor('Logga in', { role: 'button' });
}

// GET from inside the page, so the session cookie goes along: { status, body }.
export async function apiGet(sk, apiPath) {
  return sk.frame.evaluate(async (p) => {
    const r = await fetch(p, { credentials: 'same-origin' });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, apiPath);
}

// The colour of one CSS pixel of the page as the user sees it: [r, g, b]. Reads a 1×1
// screenshot (a PNG whose single row needs no unfiltering: every PNG filter leaves the
// first pixel of the first row as it is).
export async function pixelAt(sk, x, y) {
  const png = await sk.page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  const chunks = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  return [raw[1], raw[2], raw[3]];
}
