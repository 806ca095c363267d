// Schema end to end in a real browser against a running Skolnav server: a pupil opens
// the timetable, sees the lessons the API has for the shown day (time, subject, room,
// teacher, in time order, the ongoing one marked), steps to the next day, switches to
// the week (each lesson in its day's column) and to the next week, and on a phone
// (360 px) sees the week as a list per day. What is on screen is compared with what
// GET /api/v1/pupils/{id}/timetable returns for the same user.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, pupil, password } = env;
requireEnv('pupil');

// The API as the signed-in page sees it; anything but 200 fails the check.
async function api(sk, p) {
  const reply = await apiGet(sk, p);
  if (reply.status !== 200) throw new Error(`GET ${p}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

// Swedish dates as the client writes them ("mån 30 nov", "måndag 30 november").
const SHORT_DAYS = ['mån', 'tis', 'ons', 'tors', 'fre', 'lör', 'sön'];
const LONG_DAYS = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'];
const SHORT_MONTHS = ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'];
const LONG_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
  'oktober', 'november', 'december'];
const ymd = (iso) => iso.split('-').map(Number);
const weekdayIndex = (iso) => { const [y, m, d] = ymd(iso); return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; };
const cap = (s) => s[0].toUpperCase() + s.slice(1);
const shortDay = (iso) => { const [, m, d] = ymd(iso); return `${SHORT_DAYS[weekdayIndex(iso)]} ${d} ${SHORT_MONTHS[m - 1]}`; };
const longDay = (iso) => { const [, m, d] = ymd(iso); return `${LONG_DAYS[weekdayIndex(iso)]} ${d} ${LONG_MONTHS[m - 1]}`; };
const addDays = (iso, n) => { const [y, m, d] = ymd(iso); return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10); };
const weekNo = (label) => String(Number(label.split('W')[1]));
const timeText = (l) => `${l.start}–${l.end}`;  // en dash
const ongoing = (l, now) => now >= Date.parse(l.starts_at) && now < Date.parse(l.ends_at);

const textsOnScreen = async (sk) => (await sk.widgets()).filter((w) => w.role === 'text');

// The day view shows exactly `lessons`: each time with its subject, room and teacher on
// the same row, rows in time order, "Pågår nu" on the ongoing one only.
async function expectDayView(sk, day) {
  const now = await sk.page.evaluate(() => Date.now());  // the browser's clock decides "ongoing"
  const texts = await textsOnScreen(sk);
  const times = texts.filter((t) => /^\d\d:\d\d–\d\d:\d\d$/.test(t.label));
  expect(times.length === day.lessons.length,
    `${day.date}: ${times.length} lesson times on screen, the API has ${day.lessons.length}: ` +
    `${times.map((t) => t.label).join(', ')}`);
  let lastY = -Infinity;
  for (const [i, l] of day.lessons.entries()) {
    const time = times[i];
    expect(time.label === timeText(l), `${day.date} lesson ${i + 1}: shows ${time.label}, the API has ${timeText(l)}`);
    expect(time.y > lastY, `${day.date}: lessons are not in time order at ${time.label}`);
    lastY = time.y;
    const rowEnd = i + 1 < times.length ? times[i + 1].y : Infinity;
    const inRow = texts.filter((t) => t.y >= time.y - 6 && t.y < rowEnd - 6);
    expect(inRow.some((t) => t.label === l.subject), `${day.date} ${time.label}: subject "${l.subject}" not on its row (` +
      `${inRow.map((t) => t.label).join(' | ')})`);
    const teacher = l.teacher ? l.teacher.name : '';
    expect(inRow.some((t) => t.label.includes(l.room) && t.label.includes(teacher)),
      `${day.date} ${time.label}: room "${l.room}" / teacher "${teacher}" not on its row`);
    const marked = inRow.some((t) => t.label === 'Pågår nu');
    expect(marked === ongoing(l, now), `${day.date} ${time.label}: ${marked ? 'marked ongoing but is not' : 'ongoing but not marked'}`);
  }
  if (day.lessons.length === 0)
    expect(texts.some((t) => t.label === `Inga lektioner ${longDay(day.date)}.`), `${day.date}: no "Inga lektioner" note`);
}

// The wide week view: Monday–Friday columns headed "Mån 30 nov"; each lesson's subject
// and time inside its own day's column, no lessons from elsewhere.
async function expectWeekGrid(sk, week) {
  const texts = await textsOnScreen(sk);
  expect(texts.some((t) => t.label === `Vecka ${weekNo(week.week)}`), `no "Vecka ${weekNo(week.week)}" heading`);
  const shown = week.days.filter((d, i) => i < 5 || d.lessons.length > 0);
  const heads = shown.map((d) => {
    const h = texts.find((t) => t.label === cap(shortDay(d.date)));
    expect(h, `no column heading "${cap(shortDay(d.date))}"`);
    return { day: d, centre: h.x + h.w / 2 };
  });
  const colW = heads.length > 1 ? heads[1].centre - heads[0].centre : 400;
  const times = texts.filter((t) => /^\d\d:\d\d–\d\d:\d\d$/.test(t.label));
  expect(times.length === shown.reduce((n, d) => n + d.lessons.length, 0),
    `${times.length} lesson times on screen, the API has ${shown.reduce((n, d) => n + d.lessons.length, 0)} in week ${week.week}`);
  for (const { day, centre } of heads) {
    const inColumn = (t) => Math.abs(t.x + t.w / 2 - centre) < colW / 2 && t.y > 0;
    const colTimes = times.filter(inColumn).sort((a, b) => a.y - b.y);
    expect(colTimes.map((t) => t.label).join(',') === day.lessons.map(timeText).join(','),
      `${day.date}: column shows ${colTimes.map((t) => t.label).join(', ')}; the API has ${day.lessons.map(timeText).join(', ')}`);
    for (const [i, l] of day.lessons.entries()) {
      const subject = texts.find((t) => t.label === l.subject && inColumn(t) && t.y < colTimes[i].y && t.y > colTimes[i].y - 30);
      expect(subject, `${day.date} ${timeText(l)}: subject "${l.subject}" not in its block`);
    }
  }
}

const browser = await launchBrowser();
let sk, pupilId, today, thisWeek;
try {
  await check('pupil signs in and opens Schema: the day view shows today', async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await signIn(sk, pupil);
    const me = await api(sk, '/api/v1/me');
    const p = me.pupils.find((x) => x.boxes.includes('schema'));
    expect(p, 'the signed-in pupil has no Schema box');
    pupilId = p.id;
    thisWeek = await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/timetable`);
    expect(thisWeek.in_skolnav === true, 'the demo school should keep its timetable in Skolnav');
    today = thisWeek.today;
    await sk.click('Schema', { role: 'link' });
    await sk.waitFor('Dag', { role: 'tab' });
    expect((await sk.find('Dag', { role: 'tab' })).checked, '"Dag" is not the selected tab');
    await sk.waitFor(cap(longDay(today)), { role: 'text' });
    await sk.waitFor(`Idag · vecka ${weekNo(thisWeek.week)}`, { role: 'text' });
    const idag = await sk.find('Idag', { role: 'button' });
    expect(idag && idag.disabled, '"Idag" should be disabled while today is shown');
    const day = await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/timetable?date=${today}`);
    expect(day.days.length === 1 && day.days[0].date === today, `?date=${today} gave ${JSON.stringify(day.days.map((d) => d.date))}`);
    await sk.waitIdle();
    await expectDayView(sk, day.days[0]);
  });

  await check('previous/next day step through the days; each day shows what the API has for it', async () => {
    let shot = null;
    const todayLessons = (await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/timetable?date=${today}`)).days[0];
    if (todayLessons.lessons.length) shot = today;
    let date = today;
    for (let i = 1; i <= 3; i++) {
      await sk.click('Nästa dag', { role: 'button' });
      date = addDays(today, i);
      await sk.waitFor(cap(longDay(date)), { role: 'text' });
      await sk.waitGone('Hämtar schemat', { role: 'text' });
      const day = (await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/timetable?date=${date}`)).days[0];
      await expectDayView(sk, day);
      if (!shot && day.lessons.length) {
        shot = date;
        await sk.screenshot(path.join(shots, 'schema.png'));
      }
    }
    expect(!(await sk.find('Idag', { role: 'button' })).disabled, '"Idag" is disabled on another day');
    await sk.click('Föregående dag', { role: 'button' });
    await sk.waitFor(cap(longDay(addDays(today, 2))), { role: 'text' });
    await sk.click('Idag', { role: 'button' });
    await sk.waitFor(cap(longDay(today)), { role: 'text' });
    if (shot === today) {
      await sk.waitIdle();
      await sk.screenshot(path.join(shots, 'schema.png'));
    }
    expect(shot, 'no day with lessons in the four days from today');
  });

  await check('the client draws no frames while the timetable is idle (3 s)', async () => {
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('Vecka: Monday–Friday columns with each lesson in its day, as the API has the week', async () => {
    await sk.click('Vecka', { role: 'tab' });
    await sk.waitFor(`Vecka ${weekNo(thisWeek.week)}`, { role: 'text' });
    await sk.waitGone('Hämtar', { role: 'text' });
    expect((await sk.find('Vecka', { role: 'tab' })).checked, '"Vecka" is not the selected tab');
    const week = await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/timetable?week=${thisWeek.week}`);
    await expectWeekGrid(sk, week);
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'schema-week.png'));
  });

  await check('next week: the heading and every column follow', async () => {
    const next = await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/timetable?date=${addDays(thisWeek.from, 7)}`);
    await sk.click('Nästa vecka', { role: 'button' });
    await sk.waitFor(`Vecka ${weekNo(next.week)}`, { role: 'text' });
    await sk.waitGone('Hämtar', { role: 'text' });
    const week = await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/timetable?week=${next.week}`);
    expect(week.from === addDays(thisWeek.from, 7), `next week starts ${week.from}`);
    await expectWeekGrid(sk, week);
    await sk.click('Föregående vecka', { role: 'button' });
    await sk.waitFor(`Vecka ${weekNo(thisWeek.week)}`, { role: 'text' });
  });

  await check('on a phone (360 px) the week is a list per day with every lesson', async () => {
    sk = await SkolnavPage.open(browser.context, url, { viewport: { width: 360, height: 780 } });
    await sk.waitFor('Schema', { role: 'link' });
    await sk.click('Schema', { role: 'link' });
    await sk.click('Vecka', { role: 'tab' });
    await sk.waitFor(`Vecka ${weekNo(thisWeek.week)}`, { role: 'text' });
    await sk.waitGone('Hämtar', { role: 'text' });
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'schema-phone.png'));
    const week = await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/timetable?week=${thisWeek.week}`);
    const texts = await textsOnScreen(sk);
    const heads = week.days.filter((d, i) => i < 5 || d.lessons.length > 0).map((d) => {
      const h = texts.find((t) => t.label.startsWith(cap(longDay(d.date))));
      expect(h, `no heading "${cap(longDay(d.date))}" in the phone list`);
      expect(h.x >= 0 && h.x + h.w <= 360, `"${h.label}" does not fit the screen`);
      return { day: d, y: h.y };
    });
    for (const [i, { day, y }] of heads.entries()) {
      const end = i + 1 < heads.length ? heads[i + 1].y : Infinity;
      const under = texts.filter((t) => t.y > y && t.y < end);
      const times = under.filter((t) => /^\d\d:\d\d–\d\d:\d\d$/.test(t.label)).map((t) => t.label);
      expect(times.join(',') === day.lessons.map(timeText).join(','),
        `${day.date}: list shows ${times.join(', ')}; the API has ${day.lessons.map(timeText).join(', ')}`);
      for (const l of day.lessons)
        expect(under.some((t) => t.label === l.subject), `${day.date}: "${l.subject}" missing under its day`);
      for (const t of under) expect(t.x >= 0 && t.x + t.w <= 360, `"${t.label}" runs off the 360 px screen`);
    }
  });

  await check('the lesson going on is marked "Pågår nu" (browser clock set inside a lesson); day view on a phone', async () => {
    let offset = -1, day = null;
    for (let i = 0; i < 7 && offset < 0; i++) {
      const d = (await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/timetable?date=${addDays(today, i)}`)).days[0];
      if (d.lessons.length >= 2) { offset = i; day = d; }
    }
    expect(day, 'no day with two lessons in the coming week');
    const lesson = day.lessons[1];
    await sk.page.clock.setFixedTime(new Date(Date.parse(lesson.starts_at) + 10 * 60 * 1000));
    await sk.click('Dag', { role: 'tab' });
    await sk.waitFor(cap(longDay(today)), { role: 'text' });
    for (let i = 0; i < offset; i++) await sk.click('Nästa dag', { role: 'button' });
    await sk.waitFor(cap(longDay(day.date)), { role: 'text' });
    await sk.waitGone('Hämtar', { role: 'text' });
    await sk.waitIdle();
    const marks = await sk.findAll('Pågår nu', { role: 'text' });
    expect(marks.length === 1, `${marks.length} lessons marked "Pågår nu" at ${lesson.start}+10 min on ${day.date}`);
    await expectDayView(sk, day);  // the mark is on the row of ${lesson.start}, nowhere else
    for (const t of await textsOnScreen(sk)) expect(t.x >= 0 && t.x + t.w <= 360, `"${t.label}" runs off the 360 px screen`);
    await sk.screenshot(path.join(shots, 'schema-phone-day.png'));
  });

} finally {
  await browser.close();
}
finish(sk);
