// Utvecklingssamtal end to end in a real browser against a running Skolnav server: a
// guardian opens Utvecklingssamtal for Elsa and sees exactly the free times the API
// offers (grouped by day), books the first one (shown as "Bokad tid", and the API has
// it; the start page card says "Bokat: …"), changes to another time in one step,
// cancels with confirmation ("Nej" keeps it, "Ja, avboka" removes it), is told in plain
// words when someone else took a time first (409) and sees the list refreshed; the view
// also fits a phone.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn } from './spec_harness.mjs';

const { url, shots, guardian, password } = env;
requireEnv('guardian');
const child = 'Elsa';
const RANGE = /^\d\d:\d\d–\d\d:\d\d$/;
const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
  'oktober', 'november', 'december'];

// "Måndag 7 december" for "2026-12-07".
function dayTitle(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const wd = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${wd[0].toUpperCase()}${wd.slice(1)} ${d} ${MONTHS[m - 1]}`;
}
const range = (s) => `${s.start}–${s.end}`;

// DELETE from inside the page (session cookie along): the status.
async function apiDelete(sk, apiPath) {
  return sk.page.evaluate(async (p) => (await fetch(p, { method: 'DELETE', credentials: 'same-origin' })).status, apiPath);
}

const byY = (a, b) => a.y - b.y || a.x - b.x;
async function timeRows(sk) {
  return (await sk.widgets()).filter((w) => w.role === 'text' && RANGE.test(w.label)).sort(byY);
}
async function bokaButtons(sk) {
  return (await sk.widgets()).filter((w) => w.role === 'button' && w.label === 'Boka').sort(byY);
}

// The screen's free times against the API's: same times in the same order, a day
// heading for each day, place and staff on each row, one "Boka" per time.
async function expectListMatches(sk, slots) {
  const rows = (await timeRows(sk)).map((w) => w.label);
  const want = slots.map(range);
  expect(JSON.stringify(rows) === JSON.stringify(want),
    `times on screen:\n       ${rows.join(' | ')}\n     the API's:\n       ${want.join(' | ')}`);
  const texts = await sk.texts();
  for (const d of [...new Set(slots.map((s) => s.date))])
    expect(texts.includes(dayTitle(d)), `no day heading "${dayTitle(d)}"; texts: ${texts.join(' | ')}`);
  for (const s of slots) {
    const detail = [s.place, s.staff && s.staff.name].filter(Boolean).join(' · ');
    expect(texts.includes(detail), `no "${detail}" for ${s.date} ${range(s)}`);
  }
  // ImGui registers buttons only where they are drawn: each time row on screen has its
  // own "Boka" beside it (at the row's height), and no "Boka" stands without a time.
  const height = sk.page.viewportSize().height;
  const rowWidgets = await timeRows(sk);
  const buttons = await bokaButtons(sk);
  const onScreen = rowWidgets.filter((w) => w.y + w.h + 12 <= height);
  expect(onScreen.length > 0, 'no free time visible on screen');
  for (const r of onScreen)
    expect(buttons.some((b) => Math.abs(b.y + b.h / 2 - (r.y + 14)) < 28),
      `no "Boka" beside ${r.label} (y ${r.y}); buttons at y ${buttons.map((b) => b.y).join(', ')}`);
  for (const b of buttons)
    expect(rowWidgets.some((r) => Math.abs(b.y + b.h / 2 - (r.y + 14)) < 28), `a "Boka" at y ${b.y} beside no time`);
}

// The booked time as the screen must show it.
async function expectBookedShown(sk, b) {
  await sk.waitFor('Bokad tid', { role: 'text' });
  const texts = await sk.texts();
  expect(texts.includes(dayTitle(b.date)), `booked day "${dayTitle(b.date)}" not shown; texts: ${texts.join(' | ')}`);
  expect(texts.some((t) => t.startsWith(`kl. ${range(b)}`) && t.includes(`${b.duration_minutes} minuter`)),
    `no "kl. ${range(b)} (${b.duration_minutes} minuter)"; texts: ${texts.join(' | ')}`);
  expect(texts.includes(`Plats: ${b.place}`), `no "Plats: ${b.place}"`);
  expect(texts.includes(`Med: ${b.staff.name}`), `no "Med: ${b.staff.name}"`);
  expect(await sk.find('Byt tid', { role: 'button' }), 'no "Byt tid" button');
  expect(await sk.find('Avboka', { role: 'button' }), 'no "Avboka" button');
}

const browser = await launchBrowser();
let sk, pupilId, meetingsPath, first, second;
const meetings = async () => {
  const r = await apiGet(sk, meetingsPath);
  expect(r.status === 200, `GET meetings answered ${r.status}`);
  return r.body;
};
try {
  await check(`guardian opens Utvecklingssamtal for ${child} and sees the API's free times, by day`, async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await signIn(sk, guardian);
    const me = await apiGet(sk, '/api/v1/me');
    const pupil = (me.body.pupils || []).find((p) => p.first_name === child);
    expect(pupil, `${guardian} has no child called ${child}`);
    pupilId = pupil.id;
    meetingsPath = `/api/v1/pupils/${encodeURIComponent(pupilId)}/meetings`;
    // A booking left by an earlier run against the same server would hide the list.
    if ((await meetings()).booking) await apiDelete(sk, `${meetingsPath}/booking`);
    if (await sk.find(child, { role: 'tab' })) await sk.click(child, { role: 'tab' });
    await sk.click('Utvecklingssamtal', { role: 'link' });
    await sk.waitFor('Lediga tider', { role: 'text' });
    await sk.waitFor('Boka', { role: 'button' });
    const body = await meetings();
    expect(body.booking === null, 'the API still has a booking');
    expect(body.slots.length >= 2, `the demo offers ${body.slots.length} free times for ${child}`);
    await expectListMatches(sk, body.slots);
    expect(!(await sk.find('Bokad tid', { role: 'text' })), '"Bokad tid" shown without a booking');
    first = body.slots[0];
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'utvecklingssamtal.png'));
  });

  await check('"Boka" on the first time books it: "Bokad tid" shows it, the list hides, the API has it', async () => {
    await sk.click((await bokaButtons(sk))[0]);
    await sk.waitFor('Tiden är bokad.', { role: 'text' });
    await expectBookedShown(sk, first);
    expect((await bokaButtons(sk)).length === 0, 'the free times are still listed after booking');
    const body = await meetings();
    expect(body.booking && body.booking.id === first.id,
      `the API's booking is ${JSON.stringify(body.booking && body.booking.id)}, booked ${first.id}`);
    expect(!body.slots.some((s) => s.id === first.id), 'the booked time is still free in the API');
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'utvecklingssamtal-booked.png'));
  });

  await check('the view draws no frames while idle (3 s)', async () => {
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('the start page card says "Bokat: …" with the booked time', async () => {
    await sk.click('Tillbaka', { role: 'button' });
    await sk.waitFor('Bokat:', { role: 'text' });
    const card = (await sk.texts()).find((t) => t.startsWith('Bokat:'));
    expect(card.includes(first.start) && card.includes(first.place),
      `card says "${card}", booked ${first.date} ${first.start} at ${first.place}`);
  });

  await check('"Byt tid" lists the other free times; "Boka" on one moves the booking there', async () => {
    await sk.click('Utvecklingssamtal', { role: 'link' });
    await expectBookedShown(sk, first);
    await sk.click('Byt tid', { role: 'button' });
    await sk.waitFor('Boka', { role: 'button' });
    const body = await meetings();
    await expectListMatches(sk, body.slots);
    second = body.slots[0];
    expect(second.id !== first.id, 'the booked time is offered again');
    await sk.click((await bokaButtons(sk))[0]);
    await sk.waitFor('Tiden är ändrad.', { role: 'text' });
    await expectBookedShown(sk, second);
    const after = await meetings();
    expect(after.booking && after.booking.id === second.id,
      `the API's booking is ${JSON.stringify(after.booking && after.booking.id)}, changed to ${second.id}`);
    expect(after.slots.some((s) => s.id === first.id), 'the old time was not released');
  });

  await check('"Avboka" asks first: "Nej" keeps the time, "Ja, avboka" cancels it', async () => {
    await sk.click('Avboka', { role: 'button' });
    await sk.waitFor('Ja, avboka', { role: 'button' });
    expect(await sk.find('Nej', { role: 'button' }), 'no "Nej" beside "Ja, avboka"');
    await sk.click('Nej', { role: 'button' });
    await sk.waitGone('Ja, avboka', { role: 'button' });
    expect((await meetings()).booking?.id === second.id, '"Nej" changed the booking');
    await sk.click('Avboka', { role: 'button' });
    await sk.click('Ja, avboka', { role: 'button' });
    await sk.waitFor('Lediga tider', { role: 'text' });
    await sk.waitGone('Bokad tid', { role: 'text' });
    const body = await meetings();
    expect(body.booking === null, `the API still has booking ${JSON.stringify(body.booking)}`);
    expect(body.slots.some((s) => s.id === second.id), 'the cancelled time is not free again');
    await sk.waitFor('Boka', { role: 'button' });
    await expectListMatches(sk, body.slots);
  });

  await check('a time someone else took meanwhile: the 409 is explained and the list refreshes', async () => {
    const body = await meetings();
    const taken = body.slots[0];
    // Another guardian in 7A (demo.vh2) books that time through the API.
    const other = await request.newContext({ baseURL: url });
    expect((await other.post('/api/v1/session', { data: { username: 'demo.vh2', password } })).ok(), 'demo.vh2 sign-in failed');
    const me2 = await (await other.get('/api/v1/me')).json();
    let done = false;
    for (const p of me2.pupils || []) {
      const r = await other.post(`/api/v1/pupils/${encodeURIComponent(p.id)}/meetings/${encodeURIComponent(taken.id)}/booking`);
      if (r.status() === 200 || r.status() === 201) { done = true; break; }
    }
    await other.dispose();
    expect(done, 'demo.vh2 could not book the time');
    // The guardian's screen still offers it; "Boka" meets the 409.
    const rows = await timeRows(sk);
    expect(rows[0]?.label === range(taken), `first row is ${rows[0]?.label}, expected ${range(taken)}`);
    await sk.click((await bokaButtons(sk))[0]);
    await sk.waitFor('Tiden hann bokas av någon annan. Välj en annan tid.', { role: 'text' });
    await sk.waitIdle();
    const now = await meetings();
    expect(now.booking === null, 'a booking was made despite the conflict');
    expect(!now.slots.some((s) => s.id === taken.id), 'the API still offers the taken time');
    await expectListMatches(sk, now.slots);
  });

  await check('a link to a time that is gone (a cancelled talk\'s notification) shows the times as they are, with a note', async () => {
    await sk.page.goto(`${url}/#/elev/${pupilId}/utvecklingssamtal/mtg-999999`);
    const t0 = Date.now();
    let texts = [];
    while (Date.now() - t0 < 10000) {
      texts = await sk.texts();
      if (texts.some((t) => t.startsWith('Tiden i länken finns inte längre'))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(texts.some((t) => t.startsWith('Tiden i länken finns inte längre')), `no note: ${texts.join(' | ')}`);
    expect(!texts.includes('Hittades inte'), '"Hittades inte" for a time of the pupil\'s own box');
    const slots = (await meetings()).slots;
    const rows = (await timeRows(sk)).map((w) => w.label);
    expect(slots.length > 0 && rows[0] === range(slots[0]), `first time on screen "${rows[0]}", the API's "${slots.length ? range(slots[0]) : '(none)'}"`);
    await sk.screenshot(path.join(shots, 'utvecklingssamtal-gone-link.png'));
  });

  await check('on a phone (360 px) the free times fit the screen', async () => {
    sk = await SkolnavPage.open(browser.context, `${url}/#/elev/${pupilId}/utvecklingssamtal`,
      { viewport: { width: 360, height: 780 } });
    await sk.waitFor('Boka', { role: 'button' });
    const body = await meetings();
    await expectListMatches(sk, body.slots);
    for (const w of await sk.widgets())
      if (w.y < 780 && (w.role === 'button' || w.role === 'text'))
        expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `"${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    await sk.page.mouse.move(5, 775);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'utvecklingssamtal-phone.png'));
  });
} finally {
  await browser.close();
}
finish(sk);
