// Bedömningar end to end in a real browser against a running Skolnav server: a guardian
// and the pupil open Bedömningar for Elsa and see exactly the API's subjects, criteria
// and parts, each part with the symbol whose meaning (the widget's label) is the
// school's meaning for the API's level, unassessed parts marked in words; the legend
// is the school's from the API; new assessments are marked "Ny" and opening the view
// marks them read; pointing at a symbol shows its meaning, and on a phone a tap shows
// it under the part. "Betyg" is absent while the school does not publish grades; staff
// may not publish them, the school admin does, and then "Betyg" lists the API's grades.
// A gymnasium pupil (demo.elev18) and demo.vh2's Yusuf see the gymnasium meanings; the
// other family cannot open Elsa's assessments by deep link.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, pupil, password } = env;
requireEnv('guardian', 'pupil');
const child = 'Elsa';
const LEVELS = ['red', 'yellow', 'green'];
const NAMES = { red: 'Röd symbol', yellow: 'Gul symbol', green: 'Grön symbol', null: 'Ingen symbol' };
const DAYS = ['sön', 'mån', 'tis', 'ons', 'tors', 'fre', 'lör'];
const MONTHS = ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const meaningOf = (legend, level) => (level ? legend[level] : legend.not_assessed);
// "tis 24 nov" for "2026-11-24T03:00:00+01:00" (the date as the school's clock has it).
function shortDay(iso) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${MONTHS[m - 1]}`;
}
const termName = (t) => `${t.startsWith('VT') ? 'Vårterminen' : 'Höstterminen'} ${t.slice(2)}`;

const height = (sk) => sk.page.viewportSize().height;
const visible = (sk, w) => w.y >= 0 && w.y + w.h <= height(sk) + 0.5;
async function onScreen(sk) { return (await sk.widgets()).filter((w) => visible(sk, w)); }

async function scrollTo(sk, dy) {
  await sk.page.mouse.move(sk.page.viewportSize().width / 2, height(sk) / 2);
  await sk.page.mouse.wheel(0, dy);
  await sk.waitIdle();
}
// Keeps the pointer off every symbol (and off the tooltips) before reading or a screenshot.
async function parkPointer(sk) {
  await sk.page.mouse.move(3, height(sk) - 3);
  await sk.waitIdle();
}

async function assessments(sk, pupilId) {
  const r = await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/assessments`);
  expect(r.status === 200, `GET assessments answered ${r.status}`);
  return r.body;
}

// Opens Bedömningar for the child named `name` from the start page.
async function openBedomningar(sk, name) {
  if (name && await sk.find(name, { role: 'tab' })) await sk.click(name, { role: 'tab' });
  await sk.click(await sk.reveal('Bedömningar', { role: 'link' }));
  await sk.waitFor('Symbolernas betydelse', { role: 'text' });
  await parkPointer(sk);
}

// Reads the whole view top to bottom, a screenful at a time: each part's symbol (the
// symbol widget on the part's first line), the texts in order, "Ny" beside titles, and
// the "not yet covered" text under unassessed parts.
async function readView(sk, body) {
  const partTexts = new Set(body.subjects.flatMap((s) => s.criteria.flatMap((c) => c.parts.map((p) => p.text))));
  const titles = new Set(body.subjects.flatMap((s) => s.criteria.map((c) => c.title)));
  const symbolOf = new Map(), metaOf = new Map(), wordsUnder = new Set(), newTitles = new Set(), order = [], unmatched = [];
  await scrollTo(sk, -20000);
  await parkPointer(sk);
  let last = '';
  for (let i = 0; i < 60; i++) {
    const ws = await onScreen(sk);
    const texts = ws.filter((w) => w.role === 'text').sort((a, b) => a.y - b.y || a.x - b.x);
    for (const t of texts) if (!order.includes(t.label)) order.push(t.label);
    for (const s of ws.filter((w) => w.role === 'symbol')) {
      const mid = s.y + s.h / 2;
      const row = texts.filter((t) => partTexts.has(t.label) && t.x >= s.x + s.w - 1 && Math.abs(t.y + 10 - mid) < 14);
      if (row.length !== 1) {
        // A part cut by the bottom edge is read on the next screenful.
        if (s.y + s.h < height(sk) - 80) unmatched.push(`${s.label} at y ${s.y}`);
        continue;
      }
      symbolOf.set(row[0].label, s.label);
      if (s.label === body.legend.not_assessed &&
          texts.some((t) => t.label === body.legend.not_assessed && Math.abs(t.x - row[0].x) < 2 &&
            t.y >= row[0].y + row[0].h - 2 && t.y < row[0].y + row[0].h + 30)) wordsUnder.add(row[0].label);
    }
    for (const t of texts.filter((w) => titles.has(w.label))) {
      const meta = texts.find((w) => w.y > t.y && w.y < t.y + t.h + 30 && Math.abs(w.x - t.x) < 2 && /^\d+ av \d+ delar bedömda/.test(w.label));
      if (meta) metaOf.set(t.label, meta.label);
    }
    for (const b of texts.filter((t) => t.label === 'Ny'))
      for (const t of texts) if (titles.has(t.label) && Math.abs(t.y + t.h / 2 - (b.y + b.h / 2)) < 12 && t.x < b.x) newTitles.add(t.label);
    const sig = ws.map((w) => `${w.label}@${Math.round(w.y)}`).join('|');
    if (sig === last) break;
    last = sig;
    // A wheel notch (100 px) scrolls ImGui 80 px: move on by all but the last 260 px.
    await scrollTo(sk, Math.round((height(sk) - 260) * 1.25));
  }
  await scrollTo(sk, -20000);
  return { symbolOf, metaOf, wordsUnder, newTitles, order, unmatched: [...new Set(unmatched)] };
}

// The screen against the API: subjects and criteria in order, every part with the
// symbol meaning its level, unassessed parts counted and said in words, the meta line
// ("2 av 3 delar bedömda · Bedömd tis 24 nov av …"), and "Ny" on exactly the new ones.
async function expectViewMatches(sk, body, { newOnes } = {}) {
  const view = await readView(sk, body);
  const subjects = body.subjects.map((s) => s.subject);
  const shownSubjects = view.order.filter((t) => subjects.includes(t));
  expect(JSON.stringify(shownSubjects) === JSON.stringify(subjects),
    `subjects on screen: ${shownSubjects.join(' | ')}; the API's: ${subjects.join(' | ')}`);
  const criteria = body.subjects.flatMap((s) => s.criteria);
  const shownTitles = view.order.filter((t) => criteria.some((c) => c.title === t));
  expect(JSON.stringify(shownTitles) === JSON.stringify(criteria.map((c) => c.title)),
    `criteria on screen: ${shownTitles.join(' | ')}`);
  expect(view.unmatched.length === 0, `symbols beside no part: ${view.unmatched.join(', ')}`);
  let parts = 0, unassessed = 0, unassessedShown = 0;
  for (const c of criteria) {
    for (const p of c.parts) {
      parts++;
      const want = meaningOf(body.legend, p.level);
      const got = view.symbolOf.get(p.text);
      expect(got !== undefined, `no symbol beside "${p.text}" (${c.title})`);
      expect(got === want, `"${p.text}" (${c.title}): the symbol means "${got}", the API's level ${p.level} means "${want}"`);
      if (!p.level) {
        unassessed++;
        expect(view.wordsUnder.has(p.text), `unassessed "${p.text}" is not marked "${body.legend.not_assessed}" in words`);
      }
    }
    unassessedShown += c.parts.filter((p) => view.symbolOf.get(p.text) === body.legend.not_assessed).length;
    const assessed = c.parts.filter((p) => p.level).length;
    const meta = view.metaOf.get(c.title);
    expect(meta && meta.startsWith(`${assessed} av ${c.parts.length} delar bedömda`) && (!c.group.name || meta.endsWith(c.group.name)),
      `"${meta}" under ${c.title}: not "${assessed} av ${c.parts.length} delar bedömda … ${c.group.name}"`);
    if (assessed && c.assessed_at)
      expect(meta.includes(`Bedömd ${shortDay(c.assessed_at)} av ${c.assessed_by.name}`),
        `"${meta}" lacks "Bedömd ${shortDay(c.assessed_at)} av ${c.assessed_by.name}"`);
    if (c.comment) expect(view.order.includes(c.comment), `the comment "${c.comment}" is not shown`);
  }
  expect(unassessedShown === unassessed, `${unassessedShown} unassessed parts shown, the API has ${unassessed}`);
  const wantNew = (newOnes ?? criteria.filter((c) => c.new)).map((c) => c.title).sort();
  expect(JSON.stringify([...view.newTitles].sort()) === JSON.stringify(wantNew),
    `"Ny" beside: ${[...view.newTitles].join(' | ') || 'none'}; new in the API: ${wantNew.join(' | ') || 'none'}`);
  return { parts, unassessed };
}

// The legend on screen is the API's: each symbol's name with the school's meaning under it.
async function expectLegendMatches(sk, legend) {
  await scrollTo(sk, -20000);
  const texts = (await onScreen(sk)).filter((w) => w.role === 'text');
  for (const level of [...LEVELS, null]) {
    const name = texts.find((t) => t.label === NAMES[level]);
    expect(name, `the legend has no "${NAMES[level]}"`);
    const meaning = meaningOf(legend, level);
    expect(texts.some((t) => t.label === meaning && Math.abs(t.x - name.x) < 2 && t.y > name.y && t.y < name.y + name.h + 12),
      `the legend's "${NAMES[level]}" is not followed by the school's "${meaning}"`);
  }
}

// Signs `user` in, signing out whoever is signed in (a failed check may leave them).
async function switchUser(sk, user) {
  if (await sk.find('Logga ut', { role: 'button' })) await signOut(sk);
  await signIn(sk, user);
}

const countText = (ws, label) => ws.filter((w) => w.role === 'text' && w.label === label).length;

async function signInAs(user) {
  const c = await request.newContext({ baseURL: url });
  const r = await c.post('/api/v1/session', { data: { username: user, password } });
  expect(r.ok(), `${user} sign-in: ${r.status()}`);
  return c;
}

const browser = await launchBrowser();
let sk, elsaId, schoolId, elsaBody, elsaLegend;
try {
  await check(`a guardian opens Bedömningar for ${child}: subjects, criteria and every symbol are the API's`, async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await signIn(sk, guardian);
    const me = (await apiGet(sk, '/api/v1/me')).body;
    const p = (me.pupils || []).find((x) => x.first_name === child);
    expect(p, `${guardian} has no child called ${child}`);
    elsaId = p.id;
    schoolId = p.school.id;
    elsaBody = await assessments(sk, elsaId);  // before opening: GET does not mark read
    elsaLegend = elsaBody.legend;
    expect(elsaBody.unread > 0, `the demo has no new assessments for ${child} (unread ${elsaBody.unread})`);
    await openBedomningar(sk, child);
    const { parts, unassessed } = await expectViewMatches(sk, elsaBody);
    expect(parts > 0 && unassessed > 0, `the demo should have assessed and unassessed parts (${parts}, ${unassessed})`);
    console.log(`     ${parts} parts checked, ${unassessed} unassessed`);
    await parkPointer(sk);
    await sk.screenshot(path.join(shots, 'bedomningar-1280.png'));
    await scrollTo(sk, 20000);
    await parkPointer(sk);
    await sk.screenshot(path.join(shots, 'bedomningar-end-1280.png'));
    await scrollTo(sk, -20000);
  });

  await check('the legend shown is the school\'s legend from the API', async () => {
    await expectLegendMatches(sk, elsaLegend);
    await parkPointer(sk);
    await sk.screenshot(path.join(shots, 'bedomningar-legend-1280.png'));
  });

  await check('the new assessments carried "Ny" and a count; opening marked them read in the API', async () => {
    const texts = await sk.texts();
    const note = elsaBody.unread === 1 ? '1 ny bedömning sedan du tittade senast'
      : `${elsaBody.unread} nya bedömningar sedan du tittade senast`;
    expect(texts.some((t) => t.startsWith(note)), `no "${note}"; texts: ${texts.join(' | ')}`);
    const after = await assessments(sk, elsaId);
    expect(after.unread === 0, `the API still has ${after.unread} unread after opening`);
    expect(after.subjects.every((s) => s.criteria.every((c) => !c.new)), 'criteria still "new" in the API');
    // The start page card forgets them too; reopening shows no "Ny".
    await sk.click('Tillbaka', { role: 'button' });
    await sk.waitFor('Bedömningar', { role: 'link' });
    await sk.waitIdle();
    const card = (await sk.texts()).find((t) => /bedömning(ar)?$|Inga bedömningar/.test(t));
    expect(card && !card.includes('ny'), `the start page card says "${card}" after reading`);
    await openBedomningar(sk, child);
    await expectViewMatches(sk, after, { newOnes: [] });
    expect(!(await sk.texts()).some((t) => t.includes('sedan du tittade senast')), 'the unread note is still shown');
  });

  await check('pointing at a symbol shows its meaning beside it', async () => {
    const part = elsaBody.subjects.flatMap((s) => s.criteria.flatMap((c) => c.parts)).find((p) => p.level);
    const meaning = meaningOf(elsaLegend, part.level);
    await sk.reveal(part.text, { role: 'text' });
    await parkPointer(sk);
    const before = await onScreen(sk);
    const sym = before.find((w) => w.role === 'symbol' && w.label === meaning);
    expect(sym, `no symbol "${meaning}" on screen`);
    await sk.page.mouse.move(sym.x + sym.w / 2, sym.y + sym.h / 2);
    await sk.waitIdle();
    const after = await onScreen(sk);
    expect(countText(after, meaning) === countText(before, meaning) + 1,
      `the meaning "${meaning}" did not appear on hover (${countText(before, meaning)} → ${countText(after, meaning)})`);
    expect(countText(after, NAMES[part.level]) === countText(before, NAMES[part.level]) + 1,
      `the symbol's name "${NAMES[part.level]}" did not appear on hover`);
    const tip = after.filter((w) => w.role === 'text' && w.label === meaning)
      .find((w) => !before.some((b) => b.label === w.label && b.x === w.x && b.y === w.y));
    expect(tip && Math.abs(tip.y - sym.y) < 120 && Math.abs(tip.x - sym.x) < 160,
      `the meaning is not shown near the symbol (symbol ${sym.x},${sym.y}; text ${tip && `${tip.x},${tip.y}`})`);
    await sk.screenshot(path.join(shots, 'bedomningar-hover-1280.png'));
    await parkPointer(sk);
    expect(countText(await onScreen(sk), meaning) === countText(before, meaning), 'the meaning stays after the pointer left');
  });

  await check('the view draws no frames while idle (3 s)', async () => {
    await parkPointer(sk);
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('"Betyg" is absent while the school does not publish grades', async () => {
    const body = await assessments(sk, elsaId);
    expect(body.grades_published === false, 'the demo school already publishes grades');
    const g = await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(elsaId)}/grades`);
    expect(g.status === 404, `GET grades answered ${g.status}`);
    expect(!(await sk.find('Betyg', { role: 'tab' })), 'a "Betyg" tab is shown');
    expect(!(await sk.texts()).some((t) => t === 'Betyg'), '"Betyg" is shown');
    await signOut(sk);
  });

  await check(`the pupil (${pupil}) sees the same assessments, symbols and legend`, async () => {
    await switchUser(sk, pupil);
    const body = await assessments(sk, elsaId);
    await openBedomningar(sk, null);
    expect((await sk.texts()).includes('Här visas alla dina bedömningar.'), 'no "Här visas alla dina bedömningar."');
    await expectViewMatches(sk, body);
    await expectLegendMatches(sk, body.legend);
    expect((await assessments(sk, elsaId)).unread === 0, 'opening did not mark the pupil\'s assessments read');
  });

  await check('staff may not publish grades; the school admin does, and "Betyg" shows the API\'s grades', async () => {
    const staff = await signInAs('demo.personal');
    const denied = await staff.put(`/api/v1/schools/${schoolId}/grade-publishing`, { data: { published: true } });
    expect(denied.status() === 403 || denied.status() === 404, `staff publishing answered ${denied.status()}`);
    await staff.dispose();
    expect((await assessments(sk, elsaId)).grades_published === false, 'staff published the grades');
    const admin = await signInAs('demo.admin');
    const ok = await admin.put(`/api/v1/schools/${schoolId}/grade-publishing`, { data: { published: true } });
    expect(ok.status() === 200, `admin publishing answered ${ok.status()} ${await ok.text()}`);
    await admin.dispose();

    await sk.click('Tillbaka', { role: 'button' });
    await openBedomningar(sk, null);
    await sk.click('Betyg', { role: 'tab' });
    const g = await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(elsaId)}/grades`);
    expect(g.status === 200, `GET grades answered ${g.status}`);
    expect(g.body.terms.length > 0, `${child} has no grades in the demo`);
    await expectGrades(sk, g.body.terms);
    await parkPointer(sk);
    await sk.screenshot(path.join(shots, 'bedomningar-betyg-1280.png'));
    await sk.click('Bedömningar', { role: 'tab' });
    await sk.waitFor('Symbolernas betydelse', { role: 'text' });
    await signOut(sk);
  });

  await check(`the gymnasium pupil (demo.elev18) sees the gymnasium meanings, her symbols and grades`, async () => {
    await switchUser(sk, 'demo.elev18');
    const me = (await apiGet(sk, '/api/v1/me')).body;
    const tyra = me.pupils[0];
    expect(tyra.school.form === 'gymnasieskola', `demo.elev18's school is ${tyra.school.form}`);
    const body = await assessments(sk, tyra.id);
    for (const level of LEVELS)
      expect(body.legend[level] !== elsaLegend[level], `the gymnasium's ${level} meaning is grundskola's: "${body.legend[level]}"`);
    await openBedomningar(sk, null);
    await expectLegendMatches(sk, body.legend);
    await expectViewMatches(sk, body);
    await parkPointer(sk);
    await sk.screenshot(path.join(shots, 'bedomningar-gymnasium-1280.png'));
    expect(body.grades_published, 'the gymnasium does not publish grades in the demo');
    await sk.click('Betyg', { role: 'tab' });
    const g = await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(tyra.id)}/grades`);
    await expectGrades(sk, g.body.terms);
    await signOut(sk);
  });

  await check('the other family (demo.vh2) cannot open Elsa\'s assessments by deep link; Yusuf\'s legend is the gymnasium\'s', async () => {
    await switchUser(sk, 'demo.vh2');
    const me = (await apiGet(sk, '/api/v1/me')).body;
    expect(!me.pupils.some((x) => x.id === elsaId), 'demo.vh2 sees Elsa');
    const denied = await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(elsaId)}/assessments`);
    expect(denied.status === 404, `GET Elsa's assessments as demo.vh2 answered ${denied.status}`);
    await sk.page.evaluate((h) => { window.location.hash = h; }, `#/elev/${elsaId}/bedomningar`);
    await sk.waitIdle();
    await sleep(300);
    await sk.waitIdle();
    const texts = await sk.texts();
    expect(!texts.some((t) => t.includes('Elsa')), `Elsa is named on screen: ${texts.filter((t) => t.includes('Elsa')).join(' | ')}`);
    expect(!(await sk.find('Symbolernas betydelse', { role: 'text' })), 'an assessments view is open');
    expect((await sk.widgets()).every((w) => w.role !== 'symbol'), 'symbols are shown');
    expect(!(await sk.page.title()).startsWith('Bedömningar'), `the page title is "${await sk.page.title()}"`);
    await parkPointer(sk);
    await sk.screenshot(path.join(shots, 'bedomningar-denied-1280.png'));

    const yusuf = me.pupils.find((x) => x.first_name === 'Yusuf');
    expect(yusuf, 'demo.vh2 has no Yusuf');
    const body = await assessments(sk, yusuf.id);
    await sk.page.evaluate(() => { window.location.hash = '#/'; });
    await sk.waitIdle();
    await openBedomningar(sk, 'Yusuf');
    await expectLegendMatches(sk, body.legend);
    for (const level of LEVELS) expect(body.legend[level] !== elsaLegend[level], `Yusuf's ${level} meaning is grundskola's`);
    await expectViewMatches(sk, body);
    await signOut(sk);
  });
} finally {
  await browser.close();
}

// On a phone: a tap on a symbol shows its meaning under the part; another tap hides it.
const phone = await launchBrowser({ hasTouch: true });
try {
  await check('on a phone (360 px) the view fits, and a tap on a symbol shows its meaning under the part', async () => {
    sk = await SkolnavPage.open(phone.context, url, { viewport: { width: 360, height: 780 } });
    await signIn(sk, guardian);
    await sk.page.evaluate((h) => { window.location.hash = h; }, `#/elev/${elsaId}/bedomningar`);
    await sk.waitFor('Symbolernas betydelse', { role: 'text' });
    await sk.waitIdle();
    const body = await assessments(sk, elsaId);
    for (const w of await onScreen(sk))
      expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `"${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    await sk.screenshot(path.join(shots, 'bedomningar-legend-360.png'));
    await expectViewMatches(sk, body);
    const part = body.subjects.flatMap((s) => s.criteria.flatMap((c) => c.parts)).find((p) => p.level);
    const meaning = meaningOf(body.legend, part.level);
    const text = await sk.reveal(part.text, { role: 'text' });
    await scrollTo(sk, text.y - 200);
    const row = (await onScreen(sk)).find((w) => w.role === 'text' && w.label === part.text);
    const sym = (await onScreen(sk)).find((w) => w.role === 'symbol' && Math.abs(w.y + w.h / 2 - (row.y + 10)) < 14);
    expect(sym && sym.label === meaning, `the symbol beside "${part.text}" is ${sym && sym.label}`);
    await sk.screenshot(path.join(shots, 'bedomningar-360.png'));
    await sk.tap(sym);
    const under = (ws) => ws.filter((w) => w.role === 'text' && w.label === meaning && w.y >= row.y + row.h - 1 && w.y < row.y + row.h + 40);
    const shown = under(await onScreen(sk));
    expect(shown.length === 1, `the tap did not show "${meaning}" under "${part.text}"`);
    for (const w of await onScreen(sk))
      expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `"${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    await sk.screenshot(path.join(shots, 'bedomningar-meaning-360.png'));
    await sk.tap(sym);
    expect(under(await onScreen(sk)).length === 0, 'a second tap did not hide the meaning');
  });

  await check('on a phone, "Betyg" lists the API\'s grades', async () => {
    await scrollTo(sk, -20000);
    await sk.tap('Betyg', { role: 'tab' });
    const g = await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(elsaId)}/grades`);
    await expectGrades(sk, g.body.terms);
    for (const w of await onScreen(sk))
      expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `"${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    await sk.screenshot(path.join(shots, 'bedomningar-betyg-360.png'));
  });
} finally {
  await phone.close();
}
finish(sk);

// The grades on screen are the API's: a heading per term, each subject with its grade
// on the same row, nothing else.
async function expectGrades(page, terms) {
  await page.waitFor(termName(terms[0].term), { role: 'text' });
  await page.waitIdle();
  const texts = (await page.widgets()).filter((w) => w.role === 'text');
  const headings = terms.map((t) => texts.find((w) => w.label === termName(t.term)));
  headings.forEach((h, i) => expect(h, `no heading "${termName(terms[i].term)}"`));
  for (let i = 1; i < headings.length; i++) expect(headings[i].y > headings[i - 1].y, 'the terms are not newest first');
  const gradeTexts = texts.filter((w) => /^[A-F–]$/.test(w.label));
  let rows = 0;
  terms.forEach((t, i) => {
    const top = headings[i].y, bottom = i + 1 < headings.length ? headings[i + 1].y : Infinity;
    for (const g of t.grades) {
      const s = texts.find((w) => w.label === g.subject && w.y > top && w.y < bottom);
      expect(s, `no "${g.subject}" under ${termName(t.term)}`);
      const want = g.grade === '-' ? '–' : g.grade;
      const beside = gradeTexts.filter((w) => w.x > s.x + s.w - 1 && Math.abs(w.y + w.h / 2 - (s.y + s.h / 2)) < 22);
      expect(beside.length === 1 && beside[0].label === want,
        `${g.subject} ${termName(t.term)}: grade on screen ${beside.map((w) => w.label).join(',') || 'none'}, the API's ${g.grade}`);
      rows++;
    }
  });
  expect(gradeTexts.length === rows, `${gradeTexts.length} grades on screen, the API has ${rows}`);
}
