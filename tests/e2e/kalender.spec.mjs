// Kalender end to end in a real browser against a running Skolnav server: a guardian
// opens Elsa's calendar and sees this week ("Vecka NN") with exactly the events the API
// returns for that week, each with its type's Swedish name beside it; today is marked;
// an event opens to show its description; "Nästa vecka" shows the next week's events;
// "Månad" shows the month grid with the days that have events marked and the month's
// events listed. Screenshots: kalender.png, kalender-month.png, kalender-phone.png.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, pupil, password } = env;
requireEnv('guardian');

const TYPE_LABELS = {
  planning_day: 'Planeringsdag', activity: 'Aktivitet', holiday: 'Lovdag', homework: 'Läxa',
  study_day: 'Studiedag', term_dates: 'Terminsdatum', national_test: 'Nationellt prov',
};
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
  'oktober', 'november', 'december'];

const api = apiGet;  // { status, body } as the signed-in page sees it

// Every event of the week is on screen with its type's name in the same row, and the
// screen shows no event titles the API did not return.
async function expectWeekShown(sk, reply) {
  const week = Number(reply.week.split('W')[1]);
  await sk.waitFor(`Vecka ${week}`, { role: 'text' });
  await sk.waitIdle();
  const widgets = await sk.widgets();
  const texts = widgets.filter((w) => w.role === 'text');
  expect(texts.some((t) => t.label === `Vecka ${week}`), `no heading "Vecka ${week}"`);
  if (reply.events.length === 0) {
    expect(texts.some((t) => t.label.startsWith('Inget i kalendern den här veckan')),
      `week ${reply.week} has no events but the view does not say so`);
    return;
  }
  for (const e of reply.events) {
    const label = TYPE_LABELS[e.type];
    expect(e.type_label === label, `the API labels ${e.type} "${e.type_label}", expected "${label}"`);
    const titles = texts.filter((t) => t.label === e.title);
    expect(titles.length > 0, `event "${e.title}" (${e.date}) of ${reply.week} is not on screen`);
    for (const t of titles) {
      // The tag with the type's Swedish name sits in the same row (beside or just above the title).
      const tag = texts.find((x) => x.label === label && x.y < t.y + t.h && x.y + x.h > t.y - 45 && x.x <= t.x + 5);
      expect(tag, `event "${e.title}" has no "${label}" tag beside it`);
    }
  }
  // Nothing else: every row button on screen is one of the API's events.
  const apiTitles = new Set(reply.events.map((e) => e.title));
  const rows = widgets.filter((w) => w.role === 'button' && !INTERFACE_BUTTONS.has(w.label) && w.y > 150);
  for (const r of rows) expect(apiTitles.has(r.label), `"${r.label}" is on screen but not in the API's week ${reply.week}`);
}
const INTERFACE_BUTTONS = new Set(['Föregående vecka', 'Nästa vecka', 'Idag', 'Föregående månad', 'Nästa månad',
  'Tillbaka', 'Logga ut', 'Försök igen']);

// Widgets below the fold are not laid out (ImGui skips clipped panels), so the checks run
// in a tall window; screenshots are taken at an ordinary screen size.
const TALL = 2400;
async function screenshot(sk, file, width, height) {
  const before = sk.page.viewportSize();
  if (process.env.SKOLNAV_FULL_SHOTS) {  // the whole view too, for reviewing the layout
    await sk.page.mouse.move(5, 5);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, file.replace('.png', '-full.png')));
  }
  await sk.page.setViewportSize({ width, height });
  await sk.page.mouse.move(5, height - 5);
  await sk.waitIdle();
  await sk.screenshot(path.join(shots, file));
  await sk.page.setViewportSize(before);
  await sk.waitIdle();
}

const browser = await launchBrowser();
let sk;
let thisWeek, nextWeek, elsa;
try {
  await check('guardian signs in and opens Kalender for Elsa', async () => {
    sk = await SkolnavPage.open(browser.context, url, { viewport: { width: 1280, height: TALL } });
    await signIn(sk, guardian);
    const me = await api(sk, '/api/v1/me');
    elsa = me.body.pupils.find((p) => p.first_name === 'Elsa');
    expect(elsa, 'the guardian has no pupil Elsa');
    // With several children the start page may show another child first: go to Elsa's.
    await sk.page.evaluate((id) => { location.hash = `#/elev/${id}`; }, elsa.id);
    await sk.waitFor('Kalender', { role: 'link' });
    await sk.click('Kalender', { role: 'link' });
    await sk.waitFor('Vecka', { role: 'tab' });
    const about = await sk.find('Elsa', { role: 'text' });
    expect(about, 'the view does not say it is Elsa\'s calendar');
  });

  await check('this week: heading, days, every API event with its type label; today marked', async () => {
    thisWeek = await api(sk, `/api/v1/pupils/${elsa.id}/calendar`);
    expect(thisWeek.status === 200, `GET calendar answered ${thisWeek.status}`);
    await expectWeekShown(sk, thisWeek.body);
    const texts = await sk.texts();
    expect(texts.some((t) => /^Måndag \d+ /.test(t)), `no "Måndag …" day heading: ${texts.join(' | ')}`);
    expect(texts.some((t) => /^Fredag \d+ /.test(t)), 'no "Fredag …" day heading');
    const today = thisWeek.body.today;
    const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
    if (thisWeek.body.events.length && weekday >= 1 && weekday <= 5) {
      const idag = await sk.findAll('Idag', { role: 'text' });
      expect(idag.length === 1, `today is not marked with "Idag" (found ${idag.length})`);
    }
    const tab = await sk.find('Vecka', { role: 'tab' });
    expect(tab.checked, '"Vecka" is not the selected tab');
    await screenshot(sk, 'kalender.png', 1280, 800);
  });

  await check('tapping an event shows its description at its own address (back and forward work); tapping again hides it', async () => {
    const e = thisWeek.body.events.find((x) => x.description) ||
      (await api(sk, `/api/v1/pupils/${elsa.id}/calendar?week=${thisWeek.body.next_week}`)).body.events[0];
    expect(e, 'no event with a description this week or next');
    if (!thisWeek.body.events.includes(e)) await sk.click('Nästa vecka', { role: 'button' });
    expect(!(await sk.find(e.description, { role: 'text' })), 'the description shows before the event is tapped');
    const boxAddress = decodeURI(new URL(sk.page.url()).hash);
    await sk.click(e.title, { role: 'button' });
    await sk.waitFor(e.description, { role: 'text' });
    // The opened event has its own address (a history entry); back returns to the box's.
    expect(decodeURI(new URL(sk.page.url()).hash) === `${boxAddress}/${e.id}`, `address ${sk.page.url()} after opening ${e.id}`);
    if (process.env.SKOLNAV_FULL_SHOTS) await screenshot(sk, 'kalender-open.png', 1280, 800);
    await sk.page.goBack();
    await sk.page.waitForFunction((want) => decodeURI(location.hash) === want, boxAddress, { timeout: 5000 });
    await sk.page.goForward();
    await sk.page.waitForFunction((want) => decodeURI(location.hash) === want, `${boxAddress}/${e.id}`, { timeout: 5000 });
    await sk.waitFor(e.description, { role: 'text' });
    await sk.click(e.title, { role: 'button' });
    await sk.waitGone(e.description, { role: 'text' });
    expect(decodeURI(new URL(sk.page.url()).hash) === boxAddress, `address ${sk.page.url()} after closing it`);
    if (!thisWeek.body.events.includes(e)) await sk.click('Föregående vecka', { role: 'button' });
    await sk.waitFor(`Vecka ${Number(thisWeek.body.week.split('W')[1])}`, { role: 'text' });
  });

  await check('"Nästa vecka" shows the next week with its events', async () => {
    await sk.click('Nästa vecka', { role: 'button' });
    nextWeek = await api(sk, `/api/v1/pupils/${elsa.id}/calendar?week=${thisWeek.body.next_week}`);
    expect(nextWeek.status === 200, `GET next week answered ${nextWeek.status}`);
    await expectWeekShown(sk, nextWeek.body);
    // This week's events that do not continue into next week are gone.
    const nextTitles = new Set(nextWeek.body.events.map((e) => e.title));
    for (const e of thisWeek.body.events.filter((x) => !nextTitles.has(x.title)))
      expect(!(await sk.find(e.title, { role: 'text' })), `"${e.title}" of last week is still on screen`);
  });

  await check('"Föregående vecka" and "Idag" go back to this week', async () => {
    await sk.click('Föregående vecka', { role: 'button' });
    const prev = await api(sk, `/api/v1/pupils/${elsa.id}/calendar?week=${nextWeek.body.previous_week}`);
    await expectWeekShown(sk, prev.body);
    await sk.click('Nästa vecka', { role: 'button' });
    await sk.click('Nästa vecka', { role: 'button' });
    await sk.click('Idag', { role: 'button' });
    await expectWeekShown(sk, thisWeek.body);
  });

  await check('"Månad": the month grid marks the days with events, and the month\'s events are listed', async () => {
    await sk.click('Månad', { role: 'tab' });
    const thursday = new Date(`${thisWeek.body.from}T12:00:00Z`);
    thursday.setUTCDate(thursday.getUTCDate() + 3);
    const y = thursday.getUTCFullYear(), m = thursday.getUTCMonth() + 1;
    const monthName = MONTHS[m - 1];
    const title = `${monthName[0].toUpperCase()}${monthName.slice(1)} ${y}`;
    await sk.waitFor(title, { role: 'text' });
    await sk.waitIdle();
    const tab = await sk.find('Månad', { role: 'tab' });
    expect(tab.checked, '"Månad" is not the selected tab');
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const mm = String(m).padStart(2, '0');
    const month = await api(sk, `/api/v1/pupils/${elsa.id}/calendar?from=${y}-${mm}-01&to=${y}-${mm}-${last}`);
    expect(month.status === 200, `GET month answered ${month.status}`);
    const widgets = await sk.widgets();
    // One cell per day; the days with events say how many.
    const cells = widgets.filter((w) => w.role === 'button' && /^[A-ZÅÄÖ][a-zåäö]+dag \d+ [a-zåäö]+/.test(w.label));
    expect(cells.length === last, `${cells.length} day cells for a month of ${last} days`);
    for (let d = 1; d <= last; d++) {
      const iso = `${y}-${mm}-${String(d).padStart(2, '0')}`;
      const n = month.body.events.filter((e) => e.date <= iso && iso <= e.end_date).length;
      const cell = cells.find((c) => new RegExp(`dag ${d} ${monthName}`).test(c.label));
      expect(cell, `no cell for ${iso}`);
      const marked = /(\d+) händelse/.exec(cell.label);
      expect((marked ? Number(marked[1]) : 0) === n, `cell ${iso} says "${cell.label}", the API has ${n} events`);
    }
    // The list below the grid: every event of the month with its type label.
    const texts = widgets.filter((w) => w.role === 'text');
    if (month.body.events.length === 0) {
      expect(texts.some((t) => t.label.startsWith('Inget i kalendern den här månaden')), 'empty month not said');
    }
    const grid = cells.reduce((a, c) => Math.max(a, c.y + c.h), 0);
    for (const e of month.body.events) {
      const t = texts.find((x) => x.label === e.title && x.y > grid);
      expect(t, `"${e.title}" (${e.date}) is not listed below the month grid`);
      const label = TYPE_LABELS[e.type];
      expect(texts.some((x) => x.label === label && x.y < t.y + t.h && x.y + x.h > t.y - 45),
        `"${e.title}" has no "${label}" tag in the month list`);
    }
    await screenshot(sk, 'kalender-month.png', 1280, 800);
  });

  await check('a day in the month grid opens its week', async () => {
    const cells = (await sk.widgets()).filter((w) => w.role === 'button' && / händelse/.test(w.label));
    if (!cells.length) return;  // nothing to open in an empty month
    const cell = cells[cells.length - 1];
    await sk.click(cell);
    await sk.waitFor('Vecka', { role: 'tab' });
    const tab = await sk.find('Vecka', { role: 'tab' });
    expect(tab.checked, 'the week view did not open');
    const texts = await sk.texts();
    const day = cell.label.split(',')[0];
    expect(texts.includes(day), `the week with "${day}" is not shown: ${texts.join(' | ')}`);
  });

  await check('the client draws no frames while idle (3 s)', async () => {
    await sk.page.mouse.move(5, 5);
    await sk.waitIdle();
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('on a phone (360 px) the week shows every event with its type label', async () => {
    await sk.page.setViewportSize({ width: 360, height: TALL });
    await sk.waitIdle();
    await sk.click('Vecka', { role: 'tab' });
    await sk.click('Idag', { role: 'button' });
    await expectWeekShown(sk, thisWeek.body);
    const widgets = await sk.widgets();
    const over = widgets.filter((w) => w.w > 0 && (w.x < 0 || w.x + w.w > 361));
    expect(!over.length, `cut off at 360 px: ${over.map((w) => `${w.label} (${Math.round(w.x)}–${Math.round(w.x + w.w)})`).join(', ')}`);
    for (const l of ['Föregående vecka', 'Nästa vecka', 'Idag']) {
      const b = await sk.find(l, { role: 'button' });
      expect(b && b.y + b.h < 780, `"${l}" is not on the first phone screen`);
    }
    await screenshot(sk, 'kalender-phone.png', 360, 780);
    // The month fits too: seven columns of day cells inside the screen.
    await sk.click('Månad', { role: 'tab' });
    await sk.waitFor('Föregående månad', { role: 'button' });
    await sk.waitIdle();
    const cells = (await sk.widgets()).filter((w) => w.role === 'button' && /^[A-ZÅÄÖ][a-zåäö]+dag \d+ /.test(w.label));
    expect(cells.length >= 28, `${cells.length} day cells in the phone's month view`);
    const outside = cells.filter((c) => c.x < 0 || c.x + c.w > 361 || c.w < 36);
    expect(!outside.length, `day cells cut off or too small at 360 px: ${outside.map((c) => c.label).join(', ')}`);
    await screenshot(sk, 'kalender-month-phone.png', 360, 780);
  });

} finally {
  await browser.close();
}
finish(sk);
