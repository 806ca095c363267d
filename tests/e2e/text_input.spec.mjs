// Text in and out of the web client, in a real browser against a running server:
//  - no character lost: emoji (beyond the BMP, a flag, a ZWJ family), a combining accent,
//    a math letter beyond the BMP, symbols, Greek and Cyrillic typed, composed (IME) and
//    pasted into the text field of each box that has one (Frånvaro, Blogg, Uppgifter,
//    Tidsregistrering's day comment, eTest's free-text answer) come back from the API byte for
//    byte, and Ctrl+C in the field copies them whole;
//  - every character drawn: the atlas gets a glyph for each of them (fallback fonts
//    fetched only when a text needs them, none on the first screen), screenshots at
//    1280 px and on a 390 px phone at DPR 3;
//  - keyboard focus: the sign-in page opens with the username field focused, and typing
//    0 ms after a click loses no keystroke.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, pupil, password } = env;
requireEnv('guardian', 'pupil');

const child = 'Elsa';
const run = Date.now() % 100000;
// Typed key by key (Playwright sends keys the layout lacks as inserted text).
const TYPED = `Magsjuk 🤒 😀 🇸🇪 👨‍👩‍👧 e\u0301 𝔘 ✓ ✗ ★ • → ≠ ₿ ❤ Ωμέγα Привет ${run}`;
// Pasted with Ctrl+V from the clipboard.
const PASTED = ' · klistrat 🎉 ñ 𝄞 ✔ ⚽ Ђ ğ';
// Committed by an input method (composition, then commit).
const COMPOSED = ' 日本';
const FULL = TYPED + PASTED;
// Pasted into a multi-line field: the line breaks stay.
const PASTED_LINES = `${PASTED}\nandra raden ✓\ntredje`;
const SHOWN = 'Magsjuk 🤒';  // how a shown text starts (long ones wrap into several lines)
// The code points the screens must draw with a real glyph (CJK is a known limit).
const MUST_DRAW = [...new Set([...FULL].map((c) => c.codePointAt(0)).filter((cp) => cp > 0xff))];

const bytes = (s) => Buffer.from(s, 'utf8').toString('hex');
function expectSame(got, want, what) {
  expect(typeof got === 'string' && bytes(got) === bytes(want), `${what}: the API has ${JSON.stringify(got)}, typed ${JSON.stringify(want)}`);
}

// Clicks a text field and at once (no wait) types, pastes and, optionally, composes.
async function enter(sk, label, { compose = false, pasted = PASTED } = {}) {
  const w = await sk.reveal(label, { role: 'input' });
  await sk.page.mouse.click(w.x + w.w / 2, w.y + Math.min(w.h / 2, 20));
  await sk.page.keyboard.type(TYPED);
  await sk.page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
  await sk.page.keyboard.press('Control+V');
  if (compose) {
    const cdp = await sk.page.context().newCDPSession(sk.page);
    await cdp.send('Input.imeSetComposition', { text: 'にほん', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: COMPOSED });
    await cdp.detach();
  }
  await sk.waitIdle();
}

// What Ctrl+A, Ctrl+C in the focused field put on the clipboard.
async function copyAll(sk) {
  await sk.page.evaluate(() => navigator.clipboard.writeText(''));
  await sk.page.keyboard.press('Control+A');
  await sk.page.keyboard.press('Control+C');
  await sk.waitIdle();
  return sk.page.evaluate(() => navigator.clipboard.readText());
}

async function expectDrawn(sk, what) {
  await sk.waitIdle({ timeout: 60000 });
  const f = await sk.page.evaluate(() => window.skolnav.fonts());
  const missing = MUST_DRAW.filter((cp) => f.missing.includes(cp) || !f.baked.includes(cp));
  expect(missing.length === 0, `${what}: no glyph for ${missing.map((cp) => `U+${cp.toString(16).toUpperCase()}`).join(' ')}`);
  expect(f.atlas[0] <= 4096 && f.atlas[1] <= 4096, `${what}: the atlas is ${f.atlas.join('×')}`);
  return f;
}

async function openBox(sk, title) {
  if (await sk.find(child, { role: 'tab' })) await sk.click(child, { role: 'tab' });
  await sk.click(await sk.reveal(title, { role: 'link' }));
}

const browser = await launchBrowser();
await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
const fontFetches = [];
browser.context.on('request', (r) => { if (/\/fonts\/[^/]+\.ttf$/.test(r.url())) fontFetches.push(r.url()); });
const signIns = [];
browser.context.on('request', (r) => {
  if (r.method() === 'POST' && r.url().endsWith('/api/v1/session')) signIns.push(r.postDataJSON());
});
let sk;
let pupilId, guardianPupilId;
try {
  sk = await SkolnavPage.open(browser.context, url);

  await check('the sign-in page opens with the username field focused; typing right away signs in', async () => {
    await sk.waitFor('Logga in', { role: 'button' });
    expect(await sk.page.evaluate(() => window.skolnav.textFocused()), 'the text field has no focus on the sign-in page');
    expect(fontFetches.length === 0, `the first screen fetched fallback fonts: ${fontFetches.join(' ')}`);
    await sk.page.keyboard.type(guardian);  // no click: the username field has focus
    const pw = await sk.find('Lösenord', { role: 'input' });
    await sk.page.mouse.click(pw.x + pw.w / 2, pw.y + pw.h / 2);
    await sk.page.keyboard.type(password);  // 0 ms after the click
    await sk.page.keyboard.press('Enter');
    await sk.waitFor('Logga ut', { role: 'button' });
    const sent = signIns.at(-1);
    expect(sent.username === guardian && sent.password === password, `signed in with ${JSON.stringify(sent)}`);
  });

  await check('typing 0 ms after clicking a field loses no keystroke (3 sign-ins in a row)', async () => {
    for (let i = 0; i < 3; i++) {
      await signOut(sk);
      for (const [label, text] of [['Användarnamn', guardian], ['Lösenord', password]]) {
        const w = await sk.waitFor(label, { role: 'input' });
        await sk.page.mouse.click(w.x + w.w / 2, w.y + w.h / 2);
        await sk.page.keyboard.press('Control+A');
        await sk.page.keyboard.type(text);
      }
      await sk.page.keyboard.press('Enter');
      await sk.waitIdle();
      const sent = signIns.at(-1);
      expect(sent.username === guardian && sent.password === password, `run ${i + 1} sent ${JSON.stringify(sent)}`);
      await sk.waitFor('Logga ut', { role: 'button' });
    }
  });

  await check('the username field takes emoji and accents whole (the sign-in request carries them byte for byte)', async () => {
    await signOut(sk);
    const name = `anna 😀 e\u0301 ${run}`;
    await sk.type('Användarnamn', name);
    await sk.type('Lösenord', 'fel 🤒');
    await sk.click('Logga in', { role: 'button' });
    await sk.waitIdle();
    const sent = signIns.at(-1);
    expectSame(sent.username, name, 'username');
    expectSame(sent.password, 'fel 🤒', 'password');
    await signIn(sk, guardian);
    pupilId = guardianPupilId = (await apiGet(sk, '/api/v1/me')).body.pupils.find((p) => p.first_name === child).id;
  });

  await check('Frånvaro: a comment typed, pasted and composed is stored byte for byte, copied whole and drawn', async () => {
    await openBox(sk, 'Frånvaro');
    await sk.waitFor('Anmäl frånvaro', { role: 'button' });
    const before = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/absence`)).body;
    await sk.click('I morgon', { role: 'radio' });
    await enter(sk, 'Kommentar (valfri)', { compose: true });
    const copied = await copyAll(sk);
    expectSame(copied, FULL + COMPOSED, 'Ctrl+C copied');
    await sk.click('Anmäl frånvaro', { role: 'button' });
    await sk.waitFor(SHOWN, { role: 'text' });
    const after = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/absence`)).body;
    const fresh = after.reports.filter((r) => !before.reports.some((b) => b.id === r.id));
    expect(fresh.length === 1, `the API lists ${fresh.length} new reports`);
    expectSame(fresh[0].comment, FULL + COMPOSED, 'absence comment');
    const f = await expectDrawn(sk, 'Frånvaro');
    expect(fontFetches.some((u) => u.endsWith('/fonts/emoji-faces.ttf')), `no emoji font fetched: ${fontFetches.join(' ')}`);
    expect(f.files.length === new Set(fontFetches).size, `fetched ${fontFetches.length}, loaded ${f.files.join(' ')}`);
    await sk.page.mouse.move(3, 797);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'text-franvaro.png'));
  });

  await check('Information: news published with emoji and symbols draws every character', async () => {
    const school = (await apiGet(sk, '/api/v1/me')).body.pupils.find((p) => p.id === pupilId).school.id;
    const admin = await request.newContext({ baseURL: url });
    expect((await admin.post('/api/v1/session', { data: { username: 'demo.admin', password } })).ok(), 'admin sign-in failed');
    const title = `Nytt 😀 ✓ ★ Ωμέγα Привет ${run}`;
    const published = await admin.post(`/api/v1/schools/${school}/news`, { data: { title, body: FULL } });
    expect(published.status() === 201, `publish: ${published.status()} ${await published.text()}`);
    await admin.dispose();
    await sk.page.goto(url);
    await sk.waitReady();
    await openBox(sk, 'Information');
    await sk.click(await sk.reveal(title, { role: 'link' }));
    await sk.waitFor(SHOWN, { role: 'text' });
    await expectDrawn(sk, 'Information');
    await sk.page.mouse.move(3, 797);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'text-information.png'));
  });

  await check('Tidsregistrering: a day\'s comment typed and pasted is stored byte for byte', async () => {
    await sk.page.goto(url);
    await sk.waitReady();
    const olle = (await apiGet(sk, '/api/v1/me')).body.pupils.find((p) => p.first_name === 'Olle');
    expect(olle && olle.boxes.includes('tidsregistrering'), `${guardian} has no Olle with Tidsregistrering`);
    await sk.click('Olle', { role: 'tab' });
    await sk.click(await sk.reveal('Tidsregistrering', { role: 'link' }));
    await sk.waitFor('Vecka ', { role: 'text' });
    await sk.click('Nästa vecka', { role: 'button' });
    await sk.waitGone('Hämtar tiderna', { role: 'text' });
    const edit = (await sk.widgets()).find((w) => w.role === 'button' && ['Registrera tider', 'Ändra'].includes(w.label));
    expect(edit, 'no day to register times on next week');
    await sk.click(edit);
    await sk.waitFor('Lämning', { role: 'input' });
    await sk.type('Lämning', '08:00');
    await sk.type('Hämtning', '16:00');
    await sk.type('Kommentar', 'x');  // a comment the day had goes
    await sk.press('Backspace');
    await enter(sk, 'Kommentar');
    await sk.click(await sk.reveal('Spara', { role: 'button' }));
    await sk.waitFor('Sparat.', { role: 'text' });
    const base = `/api/v1/pupils/${encodeURIComponent(olle.id)}/care-times`;
    const now = (await apiGet(sk, base)).body;
    // The ISO week ("2026-W50") of the Monday a week after this week's.
    const monday = new Date(`${now.from}T00:00:00Z`).getTime() + 7 * 86400000;
    const thursday = new Date(monday + 3 * 86400000);
    const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
    const week = `${thursday.getUTCFullYear()}-W${String(Math.floor((thursday.getTime() - jan1) / (7 * 86400000)) + 1).padStart(2, '0')}`;
    const next = (await apiGet(sk, `${base}?week=${week}`)).body;
    const saved = (next.days || []).find((d) => d.comment);
    expect(saved, `no day of ${week} (${now.from} + 7) has a comment: ${JSON.stringify(next).slice(0, 400)}`);
    expectSame(saved && saved.comment, FULL, 'care-times comment');
  });

  await check('Blogg: the pupil\'s comment (pasted lines included) is stored byte for byte', async () => {
    await sk.page.goto(url);
    await sk.waitReady();
    await signOut(sk);
    await signIn(sk, pupil);
    pupilId = (await apiGet(sk, '/api/v1/me')).body.pupils.find((p) => p.first_name === child).id;
    await openBox(sk, 'Blogg');
    await sk.waitFor('Inlägg', { role: 'text' });
    const posts = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/blog`)).body.posts;
    await sk.click(await sk.reveal(posts[0].title, { role: 'link' }));
    await sk.waitFor('Kommentarer (', { role: 'text' });
    await enter(sk, 'Din kommentar', { pasted: PASTED_LINES });
    await sk.click(await sk.reveal('Skicka kommentar', { role: 'button' }));
    await sk.waitFor(SHOWN, { role: 'text' });
    const post = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/blog/${posts[0].id}`)).body.post;
    const mine = post.comments.at(-1);
    expectSame(mine && mine.body, TYPED + PASTED_LINES, 'blog comment');
    await expectDrawn(sk, 'Blogg');
  });

  await check('eTest: the pupil\'s free-text answer is handed in byte for byte', async () => {
    await sk.page.goto(url);
    await sk.waitReady();
    const tests = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/etests`)).body.etests;
    let test = null, index = -1;
    for (const t of tests.filter((x) => x.status === 'open')) {
      const d = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/etests/${t.id}`)).body.etest;
      index = d.questions.findIndex((q) => q.type === 'text');
      if (index >= 0) { test = d; break; }
    }
    expect(test, 'no open test with a free-text question');
    await openBox(sk, 'eTest');
    await sk.click(await sk.reveal(test.title, { role: 'link' }));
    await sk.click(String(index + 1), { role: 'tab' });
    await sk.waitFor(`Fråga ${index + 1} av ${test.questions.length}`, { role: 'text' });
    await enter(sk, 'Ditt svar');
    await sk.page.mouse.click(2, 2);
    await sk.waitIdle();
    await sk.click('Granska', { role: 'tab' });
    await sk.click(await sk.reveal('Lämna in provet', { role: 'button' }));
    await sk.click(await sk.reveal('Ja, lämna in', { role: 'button' }));
    await sk.waitFor('Provet är inlämnat.', { role: 'text', timeout: 15000 });
    const after = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/etests/${test.id}`)).body.etest;
    expectSame(after.answers && after.answers[index] && after.answers[index].text, FULL, 'eTest answer');
  });

  await check('Uppgifter: the pupil\'s message to the teacher is stored byte for byte', async () => {
    await sk.page.goto(url);
    await sk.waitReady();
    await openBox(sk, 'Uppgifter');
    await sk.waitFor('Att göra (', { role: 'text' });
    const list = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/assignments`)).body.assignments;
    const open = list.find((a) => a.status === 'not_started') || list[0];
    await sk.click(await sk.reveal(open.title, { role: 'link' }));
    await sk.waitFor('Samtal med läraren', { role: 'text' });
    await enter(sk, 'Ditt meddelande');
    await sk.click(await sk.reveal('Skicka meddelande', { role: 'button' }));
    await sk.waitFor(SHOWN, { role: 'text' });
    const a = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/assignments/${open.id}`)).body.assignment;
    const mine = a.messages.at(-1);
    expectSame(mine && mine.text, FULL, 'message');
  });
} catch (e) {
  await check('the run went on', async () => { throw e; });
} finally {
  await browser.close();
}

// The phone: 390 px wide at DPR 3, the Frånvaro report drawn. Software WebGL draws a
// 1170 px wide canvas slowly: signed in through the API, opened by its address, and
// generous waits.
process.env.SKOLNAV_DPR = '3';
const phone = await launchBrowser();
try {
  await check('on a 390 px phone at DPR 3 the same texts draw every character', async () => {
    expect((await phone.context.request.post(`${url}/api/v1/session`, { data: { username: guardian, password } })).ok(),
      'sign-in failed');
    const page = phone.context.pages()[0] || await phone.context.newPage();
    await page.setViewportSize({ width: 390, height: 720 });
    await page.goto(`${url}/#/elev/${encodeURIComponent(guardianPupilId)}/franvaro`);
    const ph = new SkolnavPage(page);
    await page.waitForFunction(() => window.skolnav && window.skolnav.ready, null, { timeout: 60000 });
    await ph.waitIdle({ timeout: 60000 });
    await page.mouse.move(195, 400);
    await page.mouse.wheel(0, 600);
    await ph.waitIdle({ timeout: 60000 });
    await expectDrawn(ph, 'phone Frånvaro');
    await ph.screenshot(path.join(shots, 'text-franvaro-phone.png'));
  });
} finally {
  await phone.close();
}
finish(sk);
