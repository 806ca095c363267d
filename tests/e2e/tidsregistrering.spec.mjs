// Tidsregistrering and Fritidsschema end to end in a real browser against a running
// Skolnav server. The guardian (demo.vh) opens Tidsregistrering for Olle (förskola) and
// sees the API's week day by day (times, comments, the staff's comment, locked days
// without edit controls); moves to next week; changes a day's times and comment (å ä ö),
// sees it saved, after a reload too, and the API has it; a mistyped time is refused in
// words before anything is sent; times outside the opening hours are refused with the
// server's message at that day; "Ingen omsorg" removes a day's times; the API refuses a
// change to a locked day (the day has begun, or staff locked it). Then Fritidsschema for
// Elsa (grundskola) works the same way with its own wording. Denials: the pupil
// (demo.elev) sees the times but has nothing to edit and the API refuses her; the other
// family's guardian (demo.vh2) following a link to Olle's Tidsregistrering sees none of
// it and the API answers 404. Screens at 1280 and 360 px.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, pupil, password } = env;
requireEnv('guardian', 'pupil');
const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
  'oktober', 'november', 'december'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- Days and weeks ------------------------------------------------------------------

const toDate = (iso) => { const [y, m, d] = iso.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)); };
const toIso = (dt) => dt.toISOString().slice(0, 10);
const addDays = (iso, n) => toIso(new Date(toDate(iso).getTime() + n * 86400000));
// "2026-W50" for the ISO week holding the day.
function isoWeek(iso) {
  const dt = toDate(iso);
  const wd = (dt.getUTCDay() + 6) % 7;
  const thursday = new Date(dt.getTime() + (3 - wd) * 86400000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / (7 * 86400000)) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
const weekNumber = (week) => Number(week.split('W')[1]);
// "Måndag 7 december" for "2026-12-07".
function dayTitle(iso) {
  const dt = toDate(iso);
  const wd = WEEKDAYS[dt.getUTCDay()];
  return `${wd[0].toUpperCase()}${wd.slice(1)} ${dt.getUTCDate()} ${MONTHS[dt.getUTCMonth()]}`;
}

// --- The API -----------------------------------------------------------------------------

// Any method from inside the page (the session cookie goes along): { status, body }.
async function apiSend(sk, method, apiPath, body) {
  return sk.page.evaluate(async ([m, p, b]) => {
    const r = await fetch(p, {
      method: m, credentials: 'same-origin',
      headers: b === undefined ? {} : { 'Content-Type': 'application/json' },
      body: b === undefined ? undefined : JSON.stringify(b),
    });
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    return { status: r.status, body: json };
  }, [method, apiPath, body]);
}

// A signed-in API session outside the browser (staff, another family).
async function apiAs(username) {
  const ctx = await request.newContext({ baseURL: url });
  const r = await ctx.post('/api/v1/session', { data: { username, password } });
  if (!r.ok()) { await ctx.dispose(); return null; }
  return ctx;
}

const careBase = (pupilId) => `/api/v1/pupils/${encodeURIComponent(pupilId)}/care-times`;
async function careWeek(sk, pupilId, week) {
  const r = await apiGet(sk, careBase(pupilId) + (week ? `?week=${week}` : ''));
  expect(r.status === 200, `GET care-times${week ? ` ${week}` : ''} answered ${r.status}`);
  return r.body;
}

// --- The screen ---------------------------------------------------------------------------

async function shot(sk, name) {
  const { width, height } = sk.page.viewportSize();
  await sk.page.mouse.move(width - 2, height - 2);
  await sk.waitIdle();
  await sk.screenshot(path.join(shots, `${name}-${width}.png`));
}

async function wheel(sk, dy) {
  const { width, height } = sk.page.viewportSize();
  await sk.page.mouse.move(width / 2, height / 2);
  await sk.page.mouse.wheel(0, dy);
  await sk.waitIdle();
}

async function scrollToTop(sk) { await wheel(sk, -20000); }

// The widgets of one day's panel: from its heading down to the next day's heading (or
// the bottom of the screen), after scrolling the panel into view.
async function dayBlock(sk, iso, allDays) {
  const title = dayTitle(iso);
  const titleToDate = new Map(allDays.map((d) => [dayTitle(d.date), d.date]));
  const height = sk.page.viewportSize().height;
  const headings = (all) => all.filter((w) => w.role === 'text' && titleToDate.has(w.label)).sort((a, b) => a.y - b.y);
  let all = await sk.widgets();
  for (let i = 0; i < 25; i++) {
    const heading = all.find((w) => w.role === 'text' && w.label === title);
    let dy;
    if (heading && heading.y >= 0) {
      const next = headings(all).find((w) => w.y > heading.y);
      if (heading.y < height * 0.45 || (next && next.y < height)) break;  // the panel is in view
      dy = heading.y - 80;
    } else if (heading) {
      dy = heading.y - 80;
    } else {
      // Off screen (not registered): towards it from the days that are on screen.
      const seen = headings(all);
      dy = seen.length && titleToDate.get(seen[0].label) > iso ? -height * 0.7 : height * 0.7;
    }
    const before = JSON.stringify(all.map((w) => [w.label, w.y]));
    await wheel(sk, dy / 0.8);  // a wheel notch (100) scrolls about 80 px
    all = await sk.widgets();
    if (JSON.stringify(all.map((w) => [w.label, w.y])) === before) break;  // at an end
  }
  const heading = all.find((w) => w.role === 'text' && w.label === title);
  expect(heading, `no day heading "${title}" on screen; texts: ${all.filter((w) => w.role === 'text').map((w) => w.label).join(' | ')}`);
  const next = headings(all).find((w) => w.y > heading.y);
  // The panel's own rows: from a little above its heading (a button at the right edge sits
  // on the heading's line, and reaches higher) to a little above the next day's heading.
  const bottom = next ? next.y - 12 : height;
  const inside = all.filter((w) => w.y >= heading.y - 12 && w.y < bottom);
  return {
    heading, widgets: inside, bottom,
    texts: inside.filter((w) => w.role === 'text').map((w) => w.label),
    button: (label) => inside.find((w) => w.role === 'button' && w.label === label) || null,
    input: (label) => inside.find((w) => w.role === 'input' && w.label === label) || null,
  };
}

const EDIT_LABELS = ['Ändra', 'Registrera tider'];

// One day on screen against the API's day.
async function expectDayMatches(sk, day, allDays, words) {
  const b = await dayBlock(sk, day.date, allDays);
  const where = `${dayTitle(day.date)}: on screen ${b.texts.join(' | ')}`;
  if (day.arrival) {
    expect(b.texts.includes(`Lämning ${day.arrival}`), `no "Lämning ${day.arrival}" — ${where}`);
    expect(b.texts.includes(`Hämtning ${day.pickup}`), `no "Hämtning ${day.pickup}" — ${where}`);
    expect(!b.texts.includes('Ingen tid registrerad'), `"Ingen tid registrerad" beside times — ${where}`);
  } else {
    expect(b.texts.includes('Ingen tid registrerad'), `no "Ingen tid registrerad" — ${where}`);
    expect(!b.texts.some((t) => t.startsWith('Lämning ')), `times shown for a day without — ${where}`);
  }
  if (day.comment) {
    expect(b.texts.includes('Vårdnadshavarens kommentar') && b.texts.includes(day.comment),
      `the guardian's comment "${day.comment}" is not shown — ${where}`);
  } else {
    expect(!b.texts.includes('Vårdnadshavarens kommentar'), `a guardian's comment shown that the API lacks — ${where}`);
  }
  if (day.staff_comment) {
    const who = `${words.staffComment} · ${day.staff_comment_by.name}`;
    expect(b.texts.includes(who), `no "${who}" — ${where}`);
    expect(b.texts.includes(day.staff_comment), `the staff's comment "${day.staff_comment}" is not shown — ${where}`);
  } else {
    expect(!b.texts.some((t) => t.startsWith(words.staffComment)), `a staff comment shown that the API lacks — ${where}`);
  }
  const edit = EDIT_LABELS.map((l) => b.button(l)).find(Boolean);
  if (words.guardian) {
    expect(!!edit === day.can_edit, `edit control ${edit ? 'shown' : 'missing'} but can_edit is ${day.can_edit} — ${where}`);
    expect(day.locked === b.texts.some((t) => t.startsWith('Låst')),
      `locked is ${day.locked} in the API, on screen ${b.texts.some((t) => t.startsWith('Låst')) ? '' : 'not '}locked — ${where}`);
  } else {
    expect(!edit, `an edit control for someone who does not register times — ${where}`);
  }
  return b;
}

async function expectWeekMatches(sk, body, words) {
  await scrollToTop(sk);
  await sk.waitFor(`Vecka ${weekNumber(body.week)}`, { role: 'text' });
  expect(body.days.length === 5, `the API returned ${body.days.length} days for ${body.week}`);
  for (const day of body.days) await expectDayMatches(sk, day, body.days, words);
}

// Opens a box for a child from the start page.
async function openBox(sk, child, title) {
  await scrollToTop(sk);
  if (await sk.find(child, { role: 'tab' })) await sk.click(child, { role: 'tab' });
  await sk.click(await sk.reveal(title, { role: 'link' }));
  await sk.waitFor('Vecka ', { role: 'text' });
  await sk.waitIdle();
}

async function nextWeek(sk, week) {
  await scrollToTop(sk);
  await sk.click('Nästa vecka', { role: 'button' });
  await sk.waitFor(`Vecka ${weekNumber(week)}`, { role: 'text' });
  await sk.waitGone('Hämtar tiderna', { role: 'text' });
}

// Opens a day's editor and fills it in (null leaves a field as it is).
async function editDay(sk, iso, days, { arrival = null, pickup = null, comment = null } = {}) {
  const b = await dayBlock(sk, iso, days);
  const edit = EDIT_LABELS.map((l) => b.button(l)).find(Boolean);
  expect(edit, `no edit control on ${dayTitle(iso)}; on screen ${b.texts.join(' | ')}`);
  await sk.click(edit);
  await sk.waitFor('Lämning', { role: 'input' });
  for (const [label, text] of [['Lämning', arrival], ['Hämtning', pickup], ['Kommentar', comment]]) {
    if (text === null) continue;
    await fill(sk, label, text);
  }
}

// Types into a field of the open editor, scrolled into view first.
async function fill(sk, label, text) {
  await sk.reveal(label, { role: 'input' });
  await sk.type(label, text);
}

async function saveDay(sk) {
  await sk.click(await sk.reveal('Spara', { role: 'button' }));
  await sk.waitGone('Sparar', { role: 'text' });
}

// No widget outside a phone's width.
async function expectFits(sk, width) {
  const height = sk.page.viewportSize().height;
  for (const w of await sk.widgets())
    if (w.y < height && w.y + w.h > 0 && ['button', 'text', 'input', 'link'].includes(w.role))
      expect(w.x >= -0.5 && w.x + w.w <= width + 0.5, `"${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
}

// --- The run ------------------------------------------------------------------------------

const OLLE = { child: 'Olle', title: 'Tidsregistrering', place: 'Förskolan', staffComment: 'Kommentar från personalen', guardian: true };
const ELSA = { child: 'Elsa', title: 'Fritidsschema', place: 'Fritids', staffComment: 'Kommentar från läraren', guardian: true };
const stamp = Date.now() % 100000;
const olleComment = `Mormor hämtar, glöm inte mössan! åäö ÅÄÖ ${stamp}`;
const olleStaff = `Vi går till biblioteket på måndag – ta med lånekortet. ${stamp}`;
const elsaComment = `Går hem själv efter läxläsningen, åäö ${stamp}`;
const elsaStaff = `Elsa var jätteduktig på fritids idag. ${stamp}`;

const browser = await launchBrowser();
let sk, olle, elsa, olleNow, olleNext, elsaNext, staffOlle;
try {
  await check('setup: as staff, a comment on Monday next week and a locked Friday for Olle; a comment for Elsa', async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await signIn(sk, guardian);
    const me = await apiGet(sk, '/api/v1/me');
    olle = (me.body.pupils || []).find((p) => p.first_name === 'Olle');
    elsa = (me.body.pupils || []).find((p) => p.first_name === 'Elsa');
    expect(olle && olle.boxes.includes('tidsregistrering'), `${guardian} has no Olle with Tidsregistrering`);
    expect(elsa && elsa.boxes.includes('fritidsschema'), `${guardian} has no Elsa with Fritidsschema`);
    olleNow = await careWeek(sk, olle.id);
    const next = isoWeek(addDays(olleNow.from, 7));
    // Olle's group and its staff, as the guardian's contact list shows them.
    const contacts = await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(olle.id)}/contacts`);
    expect(contacts.status === 200, `contacts answered ${contacts.status}`);
    const group = contacts.body.group.id;
    const teacher = contacts.body.staff.find((s) => s.mentor) || contacts.body.staff[0];
    expect(teacher && teacher.email, 'Olle\'s group has no staff with an e-mail address');
    // The demo's usernames are the e-mail's first part (a number added when taken).
    const base = teacher.email.split('@')[0];
    for (const name of [base, `${base}2`, `${base}3`]) if ((staffOlle = await apiAs(name))) break;
    expect(staffOlle, `could not sign in as ${teacher.name} (${base})`);
    const monday = addDays(olleNow.from, 7), friday = addDays(olleNow.from, 11);
    let r = await staffOlle.put(`${careBase(olle.id)}/${monday}/staff-comment`, { data: { comment: olleStaff } });
    expect(r.ok(), `staff comment answered ${r.status()}`);
    r = await staffOlle.put(`/api/v1/groups/${encodeURIComponent(group)}/care-times/locked/${friday}`);
    expect(r.status() === 204, `locking ${friday} answered ${r.status()}`);
    olleNext = await careWeek(sk, olle.id, next);
    expect(olleNext.days[4].locked && !olleNext.days[4].can_edit, 'Friday next week is not locked in the API');
    expect(olleNext.days[0].staff_comment === olleStaff, 'the staff comment is not in the API');
    // Elsa's mentor (demo.personal, class 7A) comments on Monday next week.
    const lena = await apiAs('demo.personal');
    expect(lena, 'demo.personal could not sign in');
    r = await lena.put(`${careBase(elsa.id)}/${addDays(olleNow.from, 7)}/staff-comment`, { data: { comment: elsaStaff } });
    expect(r.ok(), `the teacher's comment answered ${r.status()}`);
    await lena.dispose();
  });

  await check('the guardian opens Tidsregistrering for Olle: this week matches the API day by day', async () => {
    await openBox(sk, 'Olle', 'Tidsregistrering');
    await sk.waitFor('Tidsregistrering', { role: 'text' });
    olleNow = await careWeek(sk, olle.id);
    const texts = await sk.texts();
    expect(texts.some((t) => t.includes(`Förskolan har öppet ${olleNow.opening_hours.open}–${olleNow.opening_hours.close}`)),
      `the opening hours are not shown; texts: ${texts.join(' | ')}`);
    expect(texts.some((t) => t.startsWith('Här registrerar du de tider Olle ska vara på förskolan')), 'no förskola wording');
    await expectWeekMatches(sk, olleNow, OLLE);
    await scrollToTop(sk);
    await shot(sk, 'tidsregistrering-week');
  });

  await check('a day that has begun is locked: no edit control, and the API refuses a change (409)', async () => {
    const locked = olleNow.days.filter((d) => d.locked);
    expect(locked.length > 0, 'no locked day this week (today and earlier are locked)');
    const day = locked[locked.length - 1];
    const b = await dayBlock(sk, day.date, olleNow.days);
    expect(b.texts.some((t) => t.startsWith('Låst')), `no lock text on ${dayTitle(day.date)}: ${b.texts.join(' | ')}`);
    expect(!EDIT_LABELS.some((l) => b.button(l)), `${dayTitle(day.date)} has an edit control`);
    const r = await apiSend(sk, 'PUT', `${careBase(olle.id)}/${day.date}`, { arrival: '08:00', pickup: '15:00' });
    expect(r.status === 409 && r.body.error.code === 'locked', `PUT on a locked day answered ${r.status} ${JSON.stringify(r.body)}`);
    const after = await careWeek(sk, olle.id);
    expect(JSON.stringify(after.days.find((d) => d.date === day.date)) === JSON.stringify(day), 'the locked day changed');
  });

  await check('"Nästa vecka" shows next week as the API has it: the staff comment, and Friday locked by staff', async () => {
    await nextWeek(sk, olleNext.week);
    olleNext = await careWeek(sk, olle.id, olleNext.week);
    await expectWeekMatches(sk, olleNext, OLLE);
    const fri = await dayBlock(sk, olleNext.days[4].date, olleNext.days);
    expect(fri.texts.some((t) => t.startsWith('Låst av personalen')), `Friday does not say it was locked by staff: ${fri.texts.join(' | ')}`);
    const r = await apiSend(sk, 'PUT', `${careBase(olle.id)}/${olleNext.days[4].date}`, { arrival: '08:00', pickup: '15:00' });
    expect(r.status === 409, `PUT on the staff-locked day answered ${r.status}`);
    const mon = await dayBlock(sk, olleNext.days[0].date, olleNext.days);
    expect(mon.texts.includes(olleStaff), 'the staff comment is not on Monday');
    await shot(sk, 'tidsregistrering-staff-comment');
  });

  const tue = () => olleNext.days[1].date;
  await check('a mistyped time is refused in plain words at the day, and nothing is sent', async () => {
    await editDay(sk, tue(), olleNext.days, { arrival: '25:00' });
    expect(await sk.find('Lämning', { role: 'input' }) && await sk.find('Kommentar', { role: 'input' }), 'the editor has no time or comment field');
    await saveDay(sk);
    await sk.waitFor('Skriv lämningstiden som TT:MM, till exempel 07:30.', { role: 'text' });
    const b = await dayBlock(sk, tue(), olleNext.days);
    expect(b.texts.includes('Skriv lämningstiden som TT:MM, till exempel 07:30.'), 'the error is not at the day');
    const api = await careWeek(sk, olle.id, olleNext.week);
    expect(JSON.stringify(api.days[1]) === JSON.stringify(olleNext.days[1]), 'the day changed in the API');
  });

  await check('the guardian changes a day\'s times and comment (å ä ö): "Sparat", shown, and in the API', async () => {
    await fill(sk, 'Lämning', '8.15');  // typed loosely; saved as 08:15
    await fill(sk, 'Hämtning', '16:45');
    await fill(sk, 'Kommentar', olleComment);
    await shot(sk, 'tidsregistrering-editing');
    await saveDay(sk);
    await sk.waitFor('Sparat. Tiderna är registrerade.', { role: 'text' });
    const api = await careWeek(sk, olle.id, olleNext.week);
    const d = api.days[1];
    expect(d.arrival === '08:15' && d.pickup === '16:45' && d.comment === olleComment,
      `the API has ${d.arrival}–${d.pickup} "${d.comment}"`);
    olleNext = api;
    const b = await expectDayMatches(sk, d, api.days, OLLE);
    expect(b.texts.includes('Sparat. Tiderna är registrerade.'), 'the saved note is not at the day');
    expect(!(await sk.find('Spara', { role: 'button' })), 'the editor is still open');
  });

  await check('times outside the opening hours are refused with the server\'s message at the day', async () => {
    const wed = olleNext.days[2];
    await editDay(sk, wed.date, olleNext.days, { arrival: '06:00', pickup: '15:00' });
    await saveDay(sk);
    // The same request through the API gives the words the screen must show.
    const r = await apiSend(sk, 'PUT', `${careBase(olle.id)}/${wed.date}`, { arrival: '06:00', pickup: '15:00' });
    expect(r.status === 400 && r.body.error.message, `the API answered ${r.status} to 06:00`);
    const message = r.body.error.message;
    expect(message.includes(olleNext.opening_hours.open), `the server's message "${message}" does not name the opening time`);
    await sk.waitFor(message, { role: 'text' });
    const b = await dayBlock(sk, wed.date, olleNext.days);
    expect(b.texts.includes(message), `"${message}" is not at ${dayTitle(wed.date)}: ${b.texts.join(' | ')}`);
    expect(b.input('Lämning'), 'the editor closed after the refusal');
    await shot(sk, 'tidsregistrering-refusal');
    // Too late a pick-up: the closing time is named.
    await fill(sk, 'Lämning', '07:00');
    await fill(sk, 'Hämtning', '18:30');
    await saveDay(sk);
    await sk.waitFor(`Förskolan stänger ${olleNext.opening_hours.close}.`, { role: 'text' });
    const api = await careWeek(sk, olle.id, olleNext.week);
    expect(JSON.stringify(api.days[2]) === JSON.stringify(wed), 'the refused day changed in the API');
    await sk.click(await sk.reveal('Avbryt', { role: 'button' }));
    await sk.waitGone('Spara', { role: 'button' });
  });

  await check('"Ingen omsorg denna dag" removes a day\'s times, on screen and in the API', async () => {
    let thu = olleNext.days[3];
    if (!thu.arrival) {  // the demo registers a week ahead only: give Thursday times first
      await editDay(sk, thu.date, olleNext.days, { arrival: '07:30', pickup: '16:00' });
      await saveDay(sk);
      await sk.waitFor('Sparat. Tiderna är registrerade.', { role: 'text' });
      olleNext = await careWeek(sk, olle.id, olleNext.week);
      thu = olleNext.days[3];
    }
    const b = await dayBlock(sk, thu.date, olleNext.days);
    await sk.click(b.button('Ändra'));
    await sk.waitFor('Lämning', { role: 'input' });
    await sk.click(await sk.reveal('Ingen omsorg denna dag', { role: 'button' }));
    await sk.waitFor('Sparat. Ingen omsorg den här dagen.', { role: 'text' });
    olleNext = await careWeek(sk, olle.id, olleNext.week);
    expect(olleNext.days[3].arrival === null && olleNext.days[3].pickup === null, 'the API still has Thursday\'s times');
    await expectDayMatches(sk, olleNext.days[3], olleNext.days, OLLE);
  });

  await check('the view draws no frames while idle (3 s)', async () => {
    await sk.page.mouse.move(2, 2);
    await sk.waitIdle();
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('after a reload the changed week is as saved', async () => {
    await sk.reload();
    await sk.waitFor('Vecka ', { role: 'text' });
    await nextWeek(sk, olleNext.week);
    await expectWeekMatches(sk, await careWeek(sk, olle.id, olleNext.week), OLLE);
    const b = await dayBlock(sk, tue(), olleNext.days);
    expect(b.texts.includes('Lämning 08:15') && b.texts.includes(olleComment), `Tuesday after reload: ${b.texts.join(' | ')}`);
    // "Denna vecka" leads back to the current week.
    await scrollToTop(sk);
    await sk.click('Denna vecka', { role: 'button' });
    await sk.waitFor(`Vecka ${weekNumber(olleNow.week)}`, { role: 'text' });
    await sk.waitGone('Denna vecka', { role: 'button' });
  });

  await check('on a phone (360 px) the week, a day being edited and a refusal fit the screen', async () => {
    sk = await SkolnavPage.open(browser.context, `${url}/#/elev/${olle.id}/tidsregistrering`, { viewport: { width: 360, height: 780 } });
    await sk.reload();  // a fresh start at this week (only the hash changed)
    await sk.waitFor('Vecka ', { role: 'text' });
    await sk.waitIdle();
    await expectWeekMatches(sk, await careWeek(sk, olle.id), OLLE);
    await scrollToTop(sk);
    await expectFits(sk, 360);
    await shot(sk, 'tidsregistrering-week');
    await nextWeek(sk, olleNext.week);
    await expectFits(sk, 360);
    await editDay(sk, olleNext.days[2].date, olleNext.days, { arrival: '06:00', pickup: '15:00' });
    const b = await dayBlock(sk, olleNext.days[2].date, olleNext.days);
    await wheel(sk, b.heading.y - 80);
    await expectFits(sk, 360);
    await shot(sk, 'tidsregistrering-editing');
    await saveDay(sk);
    await sk.reveal(`Förskolan öppnar ${olleNext.opening_hours.open}.`, { role: 'text' });
    await expectFits(sk, 360);
    await shot(sk, 'tidsregistrering-refusal');
    await sk.click(await sk.reveal('Avbryt', { role: 'button' }));
    await sk.page.setViewportSize({ width: 1280, height: 800 });
    await sk.waitIdle();
  });

  await check('Fritidsschema for Elsa: fritids wording, the week matches the API, the teacher\'s comment is shown', async () => {
    await scrollToTop(sk);
    await sk.click('Tillbaka', { role: 'button' });
    await openBox(sk, 'Elsa', 'Fritidsschema');
    await sk.waitFor('Fritidsschema', { role: 'text' });
    const now = await careWeek(sk, elsa.id);
    expect(now.box === 'fritidsschema', `the API says box ${now.box}`);
    const texts = await sk.texts();
    expect(texts.some((t) => t.includes(`Fritids har öppet ${now.opening_hours.open}–${now.opening_hours.close}`)),
      `no fritids opening hours; texts: ${texts.join(' | ')}`);
    expect(texts.some((t) => t.startsWith('Här registrerar du de tider Elsa ska vara på fritids')), 'no fritids wording');
    expect(!texts.some((t) => t.includes('förskola')), 'förskola wording in Fritidsschema');
    await expectWeekMatches(sk, now, ELSA);
    await scrollToTop(sk);
    await shot(sk, 'fritidsschema-week');
    elsaNext = await careWeek(sk, elsa.id, isoWeek(addDays(now.from, 7)));
    await nextWeek(sk, elsaNext.week);
    await expectWeekMatches(sk, elsaNext, ELSA);
    const mon = await dayBlock(sk, elsaNext.days[0].date, elsaNext.days);
    expect(mon.texts.includes(`Kommentar från läraren · ${elsaNext.days[0].staff_comment_by.name}`), 'the teacher\'s comment is not marked as the teacher\'s');
  });

  await check('Fritidsschema: the guardian registers a day with a comment; outside the hours is refused at the day', async () => {
    const tueE = elsaNext.days[1];
    await editDay(sk, tueE.date, elsaNext.days, { arrival: '07:30', pickup: '15:30', comment: elsaComment });
    await sk.click(await sk.reveal('Senare lämning', { role: 'button' }));  // the stepper: 15 minutes on
    await saveDay(sk);
    await sk.waitFor('Sparat. Tiderna är registrerade.', { role: 'text' });
    elsaNext = await careWeek(sk, elsa.id, elsaNext.week);
    const d = elsaNext.days[1];
    expect(d.arrival === '07:45' && d.pickup === '15:30' && d.comment === elsaComment, `the API has ${JSON.stringify(d)}`);
    await expectDayMatches(sk, d, elsaNext.days, ELSA);
    const wedE = elsaNext.days[2];
    const late = addMinutes(elsaNext.opening_hours.close, 15);
    await editDay(sk, wedE.date, elsaNext.days, { arrival: '08:00', pickup: late });
    await saveDay(sk);
    const message = `Fritids stänger ${elsaNext.opening_hours.close}.`;
    await sk.waitFor(message, { role: 'text' });
    const b = await dayBlock(sk, wedE.date, elsaNext.days);
    expect(b.texts.includes(message), `"${message}" is not at ${dayTitle(wedE.date)}`);
    await shot(sk, 'fritidsschema-refusal');
    await sk.click(await sk.reveal('Avbryt', { role: 'button' }));
    const api = await careWeek(sk, elsa.id, elsaNext.week);
    expect(JSON.stringify(api.days[2]) === JSON.stringify(wedE), 'the refused day changed in the API');
  });

  await check('Fritidsschema on a phone (360 px)', async () => {
    sk = await SkolnavPage.open(browser.context, `${url}/#/elev/${elsa.id}/fritidsschema`, { viewport: { width: 360, height: 780 } });
    await sk.reload();
    await sk.waitFor('Vecka ', { role: 'text' });
    await nextWeek(sk, elsaNext.week);
    await expectWeekMatches(sk, elsaNext, ELSA);
    await scrollToTop(sk);
    await expectFits(sk, 360);
    await shot(sk, 'fritidsschema-week');
    await sk.page.setViewportSize({ width: 1280, height: 800 });
    await sk.waitIdle();
  });

  await check('the pupil (demo.elev) sees Fritidsschema without edit controls, and the API refuses her (403)', async () => {
    await scrollToTop(sk);  // the header's "Logga ut" in view
    await signOut(sk);
    await signIn(sk, pupil);
    const me = await apiGet(sk, '/api/v1/me');
    const self = (me.body.pupils || [])[0];
    expect(self && self.id === elsa.id, `${pupil} is not Elsa`);
    await openBox(sk, 'Elsa', 'Fritidsschema');
    const week = await careWeek(sk, elsa.id, elsaNext.week);
    expect(week.can_edit === false && week.days.every((d) => !d.can_edit), 'the API lets the pupil edit');
    await sk.waitFor('Tiderna registreras av vårdnadshavare.', { role: 'text' });
    await nextWeek(sk, elsaNext.week);
    await expectWeekMatches(sk, week, { ...ELSA, guardian: false });
    expect(!(await sk.find('Spara', { role: 'button' })), 'a "Spara" button for the pupil');
    const r = await apiSend(sk, 'PUT', `${careBase(elsa.id)}/${week.days[3].date}`, { arrival: '08:00', pickup: '15:00' });
    expect(r.status === 403, `the pupil's PUT answered ${r.status}`);
    await scrollToTop(sk);
    await shot(sk, 'fritidsschema-pupil');
  });

  await check('another family\'s guardian (demo.vh2) following a link to Olle\'s Tidsregistrering sees none of it; the API says 404', async () => {
    await scrollToTop(sk);  // the header's "Logga ut" in view
    await signOut(sk);
    await signIn(sk, 'demo.vh2');
    const r = await apiGet(sk, careBase(olle.id));
    expect(r.status === 404, `GET Olle's care times as demo.vh2 answered ${r.status}`);
    const put = await apiSend(sk, 'PUT', `${careBase(olle.id)}/${olleNext.days[2].date}`, { arrival: '08:00', pickup: '15:00' });
    expect(put.status === 404, `PUT as demo.vh2 answered ${put.status}`);
    await sk.page.goto(`${url}/#/elev/${olle.id}/tidsregistrering`);
    await sk.waitReady();
    await sleep(300);
    await sk.waitIdle();
    const texts = await sk.texts();
    expect(!texts.some((t) => t.includes('Olle')), `Olle is named on demo.vh2's screen: ${texts.join(' | ')}`);
    expect(!texts.some((t) => /^Vecka \d+$/.test(t) || t.startsWith('Lämning ')), 'a week of times is on demo.vh2\'s screen');
    expect(!(await sk.find('Nästa vecka', { role: 'button' })), 'the care-times view opened for demo.vh2');
  });
} finally {
  if (staffOlle) await staffOlle.dispose();
  await browser.close();
}
finish(sk);

function addMinutes(hhmm, n) {
  const [h, m] = hhmm.split(':').map(Number);
  const t = h * 60 + m + n;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}
