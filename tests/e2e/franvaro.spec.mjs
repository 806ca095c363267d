// Frånvaro end to end in a real browser against a running Skolnav server:
// a guardian reports tomorrow's absence with a comment (å ä ö), sees it listed and
// counted on the start page's card, reloads
// (the session cookie keeps them signed in), withdraws it and signs out; a pupil under
// 18 sees the list but cannot report. Then part of a day: the guardian chooses lessons
// (exactly the API's for the day), is stopped before sending none, reports two, sees them
// listed and then offered as already reported; and the absence a teacher registered
// (one registered through the API here) is on screen as the API lists it.
// The server runs on the real clock: the lessons are tomorrow's, or today's when
// tomorrow has none (a weekend).
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, pupil, password } = env;
requireEnv('guardian', 'pupil');

// The "Ta bort" button on the same report row as a text: the nearest one below its top.
async function withdrawButtonFor(sk, text) {
  const row = await sk.find(text, { role: 'text' });
  if (!row) return null;
  const buttons = (await sk.findAll('Ta bort', { role: 'button' })).filter((b) => b.y + b.h > row.y - 40);
  buttons.sort((a, b) => Math.abs(a.y - row.y) - Math.abs(b.y - row.y));
  return buttons[0] || null;
}

const height = (sk) => sk.page.viewportSize().height;
async function scrollBy(sk, dy) {
  await sk.page.mouse.move(sk.page.viewportSize().width / 2, height(sk) / 2);
  await sk.page.mouse.wheel(0, dy);
  await sk.page.mouse.move(3, height(sk) - 3);  // no hover on anything
  await sk.waitIdle();
}
// Brings `label` near the top of the screen (a wheel notch of 100 scrolls ImGui 80 px).
async function scrollToTop(sk, label, { role, margin = 90 } = {}) {
  const w = await sk.reveal(label, { role });
  await scrollBy(sk, Math.round((w.y - margin) * 1.25));
  return sk.waitFor(label, { role });
}

const DAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober',
  'november', 'december'];
// "Onsdag 2 december", as a list row starts.
function rowDay(iso) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const day = `${DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${MONTHS[m - 1]}`;
  return day[0].toUpperCase() + day.slice(1);
}
const lessonLabel = (l) => `${l.subject} ${l.start}–${l.end}`;

async function absenceOf(sk, pupilId) {
  const r = await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/absence`);
  expect(r.status === 200, `GET absence answered ${r.status}`);
  return r.body;
}

// The form's lesson checkboxes on screen: label, checked, disabled.
async function lessonBoxes(sk) {
  return (await sk.widgets()).filter((w) => w.role === 'checkbox');
}

const comment = `Sjuk, feber – åäö ÅÄÖ ${Date.now() % 100000}`;
const browser = await launchBrowser();
let sk;
try {
  await check('guardian signs in and sees the start page with Frånvaro', async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await sk.waitFor('Användarnamn', { role: 'input' });
    await sk.screenshot(path.join(shots, 'signin.png'));
    // A wrong password is explained in words.
    await sk.type('Användarnamn', guardian);
    await sk.type('Lösenord', 'fel-lösenord');
    await sk.click('Logga in', { role: 'button' });
    const texts = await sk.texts();
    expect(texts.some((t) => /lösenord|användarnamn/i.test(t) && t !== 'Lösenord' && t !== 'Användarnamn'),
      `no error text after a wrong password: ${texts.join(' | ')}`);
    await signIn(sk, guardian);
    await sk.waitFor('Frånvaro', { role: 'link' });
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'start.png'));
  });

  await check('guardian reports tomorrow with a comment and sees it listed', async () => {
    await sk.click('Frånvaro', { role: 'link' });
    await sk.waitFor('Anmäl frånvaro', { role: 'button' });
    // A report for tomorrow left by an earlier run would make this one a conflict.
    for (let i = 0; i < 3; i++) {
      const stale = await withdrawButtonFor(sk, '(i morgon)');
      if (!stale) break;
      await sk.click(stale);
    }
    await sk.click('I morgon', { role: 'radio' });
    const radio = await sk.find('I morgon', { role: 'radio' });
    expect(radio.checked, '"I morgon" is not selected after clicking it');
    await sk.type('Kommentar (valfri)', comment);
    await sk.click('Anmäl frånvaro', { role: 'button' });
    await sk.waitFor(comment, { role: 'text' });
    const listed = await sk.find(comment, { role: 'text' });
    expect(listed.label === comment, `comment listed as "${listed.label}", typed "${comment}"`);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'franvaro.png'));
  });

  await check('back on the start page, the Frånvaro card counts the new report; cards show the server\'s summaries', async () => {
    await sk.page.goBack();
    await sk.waitFor('1 anmäld frånvaro framåt', { role: 'text' });
    // Every card carries its summary from GET /pupils/{id}/start, e.g. unread news.
    const texts = await sk.texts();
    expect(texts.some((t) => /olästa nyheter|Inga nyheter/.test(t)), `no Information summary: ${texts.join(' | ')}`);
    expect(!texts.includes('Kommer snart'), 'a card still says "Kommer snart"');
    await sk.click('Frånvaro', { role: 'link' });
    await sk.waitFor(comment, { role: 'text' });
  });

  await check('the client draws no frames while idle (5 s)', async () => {
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    const frames = await sk.framesWhileIdle(5000);
    console.log(`     frames drawn in 5 s idle: ${frames}`);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('after a reload the report is still listed (signed in by cookie); withdraw; sign out', async () => {
    await sk.reload();
    await sk.waitFor(comment, { role: 'text' });
    expect(await sk.find('Logga ut', { role: 'button' }), 'not signed in after reload');
    const remove = await withdrawButtonFor(sk, comment);
    expect(remove, 'no "Ta bort" for the report made today for tomorrow');
    await sk.click(remove);
    await sk.waitGone(comment, { role: 'text' });
    await signOut(sk);
  });

  await check('a pupil under 18 sees Frånvaro without the report action', async () => {
    await signIn(sk, pupil);
    await sk.click('Frånvaro', { role: 'link' });
    await sk.waitFor('Anmäld frånvaro', { role: 'text' });
    expect(!(await sk.find('Anmäl frånvaro', { role: 'button' })), '"Anmäl frånvaro" is offered to a pupil under 18');
    expect(await sk.find('Frånvaro anmäls av vårdnadshavare', { role: 'text' }), 'no note that guardians report absence');
    await signOut(sk);
  });

  // ---- Part of a day ---------------------------------------------------------------------
  let elsaId, day, dayIso, lessons, picked = [];
  const absencePosts = [];
  await check('guardian chooses "Vissa lektioner": the lessons offered are the API\'s for the day', async () => {
    await signIn(sk, guardian);
    const me = (await apiGet(sk, '/api/v1/me')).body;
    const elsa = (me.pupils || []).find((p) => p.first_name === 'Elsa');
    expect(elsa, `${guardian} has no child called Elsa`);
    elsaId = elsa.id;
    if (await sk.find('Elsa', { role: 'tab' })) await sk.click('Elsa', { role: 'tab' });
    await sk.click(await sk.reveal('Frånvaro', { role: 'link' }));
    await sk.waitFor('Anmäl frånvaro', { role: 'button' });
    const body = await absenceOf(sk, elsaId);
    expect(body.timetable_in_skolnav === true, 'Elsa\'s school does not keep its timetable in Skolnav');
    // Tomorrow's lessons, or today's when tomorrow has none to choose (a weekend).
    const free = (list) => (list || []).filter((l) => !l.reported).length;
    day = free(body.lessons_tomorrow) >= 2 ? 'I morgon' : 'Idag';
    dayIso = day === 'I morgon' ? body.tomorrow : body.today;
    lessons = day === 'I morgon' ? body.lessons_tomorrow : body.lessons_today;
    expect(free(lessons) >= 2, `fewer than two lessons to choose today (${body.today}) and tomorrow (${body.tomorrow})`);
    console.log(`     choosing lessons for ${day} (${dayIso}): ${lessons.map(lessonLabel).join(', ')}`);
    await sk.click(day, { role: 'radio' });
    expect(!(await lessonBoxes(sk)).length, 'lessons are offered before "Vissa lektioner" is chosen');
    await sk.click('Vissa lektioner', { role: 'radio' });
    expect((await sk.find('Vissa lektioner', { role: 'radio' })).checked, '"Vissa lektioner" is not selected');
    await sk.waitFor('Välj lektioner:', { role: 'text' });
    const shown = (await lessonBoxes(sk)).map((w) => w.label).sort();
    const wanted = lessons.map((l) => (l.reported ? `${lessonLabel(l)} (redan anmäld)` : lessonLabel(l))).sort();
    expect(JSON.stringify(shown) === JSON.stringify(wanted),
      `lessons on screen: ${shown.join(' | ')}\n     the API's for ${dayIso}: ${wanted.join(' | ')}`);
    for (const w of await lessonBoxes(sk)) expect(w.h >= 36, `"${w.label}" is ${w.h} px tall: too small for a finger`);
  });

  await check('choosing no lesson gives a plain error and sends nothing', async () => {
    sk.page.on('request', (r) => { if (r.method() === 'POST' && /\/absence$/.test(r.url())) absencePosts.push(r.url()); });
    const before = (await absenceOf(sk, elsaId)).reports.length;
    await sk.click('Anmäl frånvaro', { role: 'button' });
    await sk.waitFor('Välj minst en lektion', { role: 'text' });
    expect(absencePosts.length === 0, `${absencePosts.length} POST sent with no lesson chosen`);
    expect((await absenceOf(sk, elsaId)).reports.length === before, 'a report was made with no lesson chosen');
  });

  await check('guardian reports two chosen lessons: listed with them, and the API has exactly those lessons', async () => {
    picked = lessons.filter((l) => !l.reported).slice(0, 2);
    for (const l of picked) {
      await sk.click(lessonLabel(l), { role: 'checkbox' });
      const box = await sk.find(lessonLabel(l), { role: 'checkbox' });
      expect(box.checked, `"${lessonLabel(l)}" is not ticked after clicking it`);
    }
    expect(!(await sk.find('Välj minst en lektion', { role: 'text' })), 'the error stays after choosing lessons');
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'franvaro-lessons-1280.png'));
    await sk.click('Anmäl frånvaro', { role: 'button' });
    const listedText = `Lektioner: ${picked.map(lessonLabel).join(', ')}`;
    await sk.waitFor(listedText, { role: 'text' });
    expect(absencePosts.length === 1, `${absencePosts.length} POSTs sent for one report`);
    const body = await absenceOf(sk, elsaId);
    const mine = body.reports.filter((r) => r.date === dayIso && r.part_of_day);
    expect(mine.length === 1, `${mine.length} part-of-day reports for ${dayIso} in the API`);
    const ids = mine[0].lessons.map((l) => l.id).sort();
    const wanted = picked.map((l) => l.id).sort();
    expect(JSON.stringify(ids) === JSON.stringify(wanted), `the API has lessons ${ids.join(', ')}, chosen ${wanted.join(', ')}`);
    // The row on screen says the API's lessons, in its order.
    expect(await sk.find(`Lektioner: ${mine[0].lessons.map(lessonLabel).join(', ')}`, { role: 'text' }),
      'the listed report does not name the API\'s lessons');
  });

  await check('the reported lessons are then ticked, disabled and marked "redan anmäld"; the others stay free', async () => {
    await scrollBy(sk, -20000);
    // The form may still show the choice: "Vissa lektioner" stays selected for the same day.
    if (!(await sk.find('Välj lektioner:', { role: 'text' }))) await sk.click('Vissa lektioner', { role: 'radio' });
    const body = await absenceOf(sk, elsaId);
    const now = day === 'I morgon' ? body.lessons_tomorrow : body.lessons_today;
    for (const l of picked) {
      expect(now.find((x) => x.id === l.id).reported, `the API does not mark ${lessonLabel(l)} as reported`);
      const w = await sk.waitFor(`${lessonLabel(l)} (redan anmäld)`, { role: 'checkbox' });
      expect(w.checked && w.disabled, `"${w.label}" is ${w.checked ? '' : 'not '}ticked and ${w.disabled ? '' : 'not '}disabled`);
    }
    for (const l of now.filter((x) => !x.reported)) {
      const w = await sk.find(lessonLabel(l), { role: 'checkbox' });
      expect(w && w.label === lessonLabel(l) && !w.checked && !w.disabled, `"${lessonLabel(l)}" is not free to choose`);
    }
    // Clicking a reported lesson changes nothing.
    const first = await sk.find(`${lessonLabel(picked[0])} (redan anmäld)`, { role: 'checkbox' });
    await sk.page.mouse.click(first.x + first.w / 2, first.y + first.h / 2);
    await sk.waitIdle();
    expect((await sk.find(`${lessonLabel(picked[0])} (redan anmäld)`, { role: 'checkbox' })).checked, 'a reported lesson was unticked');
  });

  // ---- Registered absence ------------------------------------------------------------------
  let registered;
  await check('registered absence on screen is the API\'s "registered" list, newest first, validity in words', async () => {
    // A teacher registers a whole day of valid absence on a recent day without any.
    const staff = await request.newContext({ baseURL: url });
    const signedIn = await staff.post('/api/v1/session', { data: { username: 'demo.personal', password } });
    expect(signedIn.ok(), `demo.personal sign-in: ${signedIn.status()}`);
    const before = await absenceOf(sk, elsaId);
    const taken = new Set(before.registered.map((r) => r.date));
    let date = null;
    for (let k = 1; k < 14 && !date; k++) {
      const d = new Date(`${before.today}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() - k);
      if (!taken.has(d.toISOString().slice(0, 10))) date = d.toISOString().slice(0, 10);
    }
    const note = `Tandläkare – åäö ${Date.now() % 1000}`;
    const r = await staff.post(`/api/v1/pupils/${encodeURIComponent(elsaId)}/registered-absence`,
      { data: { date, valid: true, note } });
    expect(r.status() === 201, `registering absence answered ${r.status()}: ${await r.text()}`);
    await staff.dispose();

    await sk.reload();
    await sk.waitFor('Anmäl frånvaro', { role: 'button' });
    registered = (await absenceOf(sk, elsaId)).registered;
    expect(registered.length >= 2, `${registered.length} registered absences in the API`);
    expect(registered.some((x) => x.note === note), 'the new registered absence is not in the API');
    await scrollToTop(sk, 'Registrerad frånvaro', { role: 'text' });
    const ws = await sk.widgets();
    const heading = ws.find((w) => w.role === 'text' && w.label === 'Registrerad frånvaro');
    // Reading order: top to bottom; a row's texts (the day and its tag) left to right.
    const texts = ws.filter((w) => w.role === 'text' && w.y > heading.y && w.y + w.h <= height(sk))
      .sort((a, b) => (Math.abs(a.y - b.y) < 8 ? a.x - b.x : a.y - b.y)).map((w) => w.label);
    const sorted = [...registered].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    const wanted = [];
    for (const x of sorted) {
      wanted.push(rowDay(x.date), x.valid ? 'Giltig' : 'Ogiltig',
        (x.whole_day ? 'Hela dagen' : lessonLabel(x.lesson)) + (x.minutes > 0 ? ` · ${x.minutes} minuter` : ''));
      if (x.note) wanted.push(x.note);
      wanted.push(`Registrerad av ${x.registered_by.name}`);
    }
    const got = texts.filter((t) => t !== 'Frånvaro som skolan har registrerat.')
      .map((t) => (t.startsWith('Registrerad av ') ? t.replace(/, .*$/, '') : t)).slice(0, wanted.length);
    expect(JSON.stringify(got) === JSON.stringify(wanted), `on screen: ${got.join(' | ')}\n     from the API: ${wanted.join(' | ')}`);
    // Who registered it comes with when (its clock time).
    for (const x of sorted) {
      const by = texts.find((t) => t.startsWith(`Registrerad av ${x.registered_by.name}`) && t.includes(x.registered_at.slice(11, 16)));
      expect(by, `no "Registrerad av ${x.registered_by.name}, … ${x.registered_at.slice(11, 16)}"`);
    }
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'franvaro-registered-1280.png'));
  });

  await check('on a phone (360 px) the lesson choice and the registered list fit the screen', async () => {
    await sk.page.setViewportSize({ width: 360, height: 780 });
    await sk.waitIdle();
    await scrollBy(sk, -20000);
    await sk.click(day, { role: 'radio' });
    await sk.click('Vissa lektioner', { role: 'radio' });
    const third = lessons.find((l) => !picked.includes(l) && !l.reported);
    if (third) await sk.click(await sk.reveal(lessonLabel(third), { role: 'checkbox' }));
    await scrollToTop(sk, 'Anmäl frånvaro', { role: 'text', margin: 70 });
    // Reported lessons still say so: in their label, or just under it where the line is short.
    const ws = await sk.widgets();
    for (const l of picked) {
      const w = ws.find((x) => x.role === 'checkbox' && x.label.startsWith(lessonLabel(l)));
      expect(w && w.checked && w.disabled, `"${lessonLabel(l)}" is not ticked and disabled at 360 px`);
      const said = w.label.includes('(redan anmäld)') ||
        ws.some((x) => x.role === 'text' && x.label === 'redan anmäld' && x.y >= w.y + w.h - 12 && x.y < w.y + w.h + 10);
      expect(said, `"${lessonLabel(l)}" does not say "redan anmäld" at 360 px`);
    }
    const inside = async () => {
      for (const w of await sk.widgets())
        if (w.y >= 0 && w.y < height(sk)) expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `"${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    };
    await inside();
    await sk.screenshot(path.join(shots, 'franvaro-lessons-360.png'));
    await scrollToTop(sk, 'Registrerad frånvaro', { role: 'text', margin: 70 });
    await inside();
    for (const x of registered) expect(await sk.find(x.valid ? 'Giltig' : 'Ogiltig', { role: 'text' }), 'a validity tag is missing at 360 px');
    await sk.screenshot(path.join(shots, 'franvaro-registered-360.png'));
    await sk.page.setViewportSize({ width: 1280, height: 800 });
    await sk.waitIdle();
  });

} finally {
  await browser.close();
}
finish(sk);
