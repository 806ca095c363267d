// Kalenderprenumeration against the real server, read by an independent iCalendar
// parser (ical.js, as calendar apps built on it read feeds): a guardian makes a feed,
// the feed is fetched over HTTP without a session, every line is CRLF-terminated and at
// most 75 octets, ical.js parses it, its VTIMEZONE gives Stockholm's winter and summer
// offsets, lessons and a booked meeting start at the instants the API gives, and the
// feed answers 404 for a wrong token, for another family's child and once revoked.
//   Run through tests/e2e/run_with_server.sh (SKOLNAV_URL, SKOLNAV_PASSWORD).
import ICAL from 'ical.js';
import { check, expect, finish } from '../e2e/spec_harness.mjs';

const url = process.env.SKOLNAV_URL;
const password = process.env.SKOLNAV_PASSWORD || 'demo';
if (!url) {
  console.error('run through tests/e2e/run_with_server.sh (SKOLNAV_URL)');
  process.exit(2);
}

async function signIn(username) {
  const r = await fetch(`${url}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  expect(r.status === 200, `sign-in of ${username}: ${r.status}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const call = async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method, headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b), del: (p) => call('DELETE', p) };
}

const vh = await signIn('demo.vh');
const vh2 = await signIn('demo.vh2');
const me = (await vh.get('/api/v1/me')).body;
const elsa = me.pupils.find((p) => p.first_name === 'Elsa');
const olle = me.pupils.find((p) => p.first_name === 'Olle');
let feed, raw, calendar, events;

await check('a guardian makes a feed; its address is told once, the list keeps no token', async () => {
  // A booked meeting for Elsa, so the feed has one.
  const meetings = (await vh.get(`/api/v1/pupils/${elsa.id}/meetings`)).body;
  if (!meetings.booking) {
    expect(meetings.slots.length > 0, 'no slot to book');
    const booked = await vh.post(`/api/v1/pupils/${elsa.id}/meetings/${meetings.slots[0].id}/booking`);
    expect(booked.status === 201, `booking: ${booked.status}`);
  }
  const made = await vh.post('/api/v1/calendar-feeds', {});
  expect(made.status === 201, `POST: ${made.status} ${JSON.stringify(made.body)}`);
  feed = made.body.feed;
  expect(/^\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\/skolnav\.ics$/.test(feed.path), `path ${feed.path}`);
  const list = await vh.get('/api/v1/calendar-feeds');
  expect(list.body.feeds.some((f) => f.id === feed.id), 'not listed');
  expect(!JSON.stringify(list.body).includes(feed.path.split('/')[4]), 'the list tells the token');
});

await check('the feed over HTTP, without a session: text/calendar, CRLF lines of at most 75 octets', async () => {
  const r = await fetch(`${url}${feed.path}`);
  expect(r.status === 200, `GET: ${r.status}`);
  expect(r.headers.get('content-type') === 'text/calendar; charset=utf-8', `type ${r.headers.get('content-type')}`);
  expect(/no-store/.test(r.headers.get('cache-control')), 'cacheable');
  const bytes = Buffer.from(await r.arrayBuffer());
  raw = bytes.toString('utf8');
  expect(Buffer.from(raw, 'utf8').equals(bytes), 'not valid UTF-8');
  expect(raw.endsWith('\r\n'), 'does not end in CRLF');
  const lines = raw.slice(0, -2).split('\r\n');
  const bare = lines.filter((l) => l.includes('\n') || l.includes('\r'));
  expect(bare.length === 0, `bare line ends: ${bare.slice(0, 2)}`);
  const long = lines.filter((l) => Buffer.byteLength(l, 'utf8') > 75);
  expect(long.length === 0, `${long.length} lines over 75 octets, e.g. ${long[0]}`);
  const folded = lines.filter((l) => l.startsWith(' ')).length;
  console.log(`     ${bytes.length} bytes, ${lines.length} lines (${folded} continuation lines)`);
});

await check('ical.js parses it: one VCALENDAR, unique UIDs, every event with DTSTAMP, DTSTART and SUMMARY', async () => {
  calendar = new ICAL.Component(ICAL.parse(raw));
  expect(calendar.name === 'vcalendar', calendar.name);
  expect(calendar.getFirstPropertyValue('version') === '2.0', 'VERSION');
  const zones = calendar.getAllSubcomponents('vtimezone');
  expect(zones.length === 1 && zones[0].getFirstPropertyValue('tzid') === 'Europe/Stockholm', 'VTIMEZONE');
  ICAL.TimezoneService.register(zones[0]);
  events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events.length > 50, `only ${events.length} events`);
  const uids = new Set(events.map((e) => e.uid));
  expect(uids.size === events.length, 'UIDs repeat');
  for (const e of events) {
    expect(/@skolnav$/.test(e.uid), `UID ${e.uid}`);
    expect(e.component.getFirstPropertyValue('dtstamp'), `${e.uid}: no DTSTAMP`);
    expect(e.summary && (e.summary.startsWith('Elsa: ') || e.summary.startsWith('Olle: ')), `summary "${e.summary}"`);
    expect(e.startDate, `${e.uid}: no DTSTART`);
    if (!e.startDate.isDate) expect(e.startDate.zone.tzid === 'Europe/Stockholm', `${e.uid}: zone ${e.startDate.zone.tzid}`);
    expect(!e.endDate || e.endDate.compare(e.startDate) >= 0, `${e.uid}: ends before it starts`);
  }
  console.log(`     ${events.length} events: ${events.filter((e) => e.startDate.isDate).length} all-day`);
});

await check('the VTIMEZONE gives Stockholm\'s offsets: +01:00 in winter, +02:00 in summer, switching on the EU dates', async () => {
  const tz = ICAL.TimezoneService.get('Europe/Stockholm');
  const offset = (iso) => tz.utcOffset(ICAL.Time.fromDateTimeString(iso)) / 3600;
  expect(offset('2026-12-01T12:00:00') === 1, 'December');
  expect(offset('2026-07-01T12:00:00') === 2, 'July');
  expect(offset('2027-03-28T01:59:00') === 1, 'before the switch on 28 March 2027');
  expect(offset('2027-03-28T03:00:00') === 2, 'after the switch on 28 March 2027');
  expect(offset('2027-10-31T04:00:00') === 1, 'after the switch back on 31 October 2027');
});

await check('lessons start and end at the instants the timetable API gives', async () => {
  const week = (await vh.get(`/api/v1/pupils/${elsa.id}/timetable`)).body;
  let n = 0;
  for (const day of week.days)
    for (const l of day.lessons) {
      const uid = `${l.id}-${l.date.replaceAll('-', '')}@skolnav`;
      const e = events.find((x) => x.uid === uid);
      expect(e, `lesson ${uid} missing`);
      expect(e.startDate.toUnixTime() === Date.parse(l.starts_at) / 1000, `${uid} starts ${e.startDate} not ${l.starts_at}`);
      expect(e.endDate.toUnixTime() === Date.parse(l.ends_at) / 1000, `${uid} ends ${e.endDate} not ${l.ends_at}`);
      expect(e.summary === `Elsa: ${l.subject}`, `summary ${e.summary}`);
      if (l.room) expect(e.location === l.room, `location ${e.location}`);
      n++;
    }
  expect(n >= 20, `only ${n} lessons this week`);
});

await check('the booked meeting and the Kalender events are in it', async () => {
  const booking = (await vh.get(`/api/v1/pupils/${elsa.id}/meetings`)).body.booking;
  const talk = events.find((e) => e.uid === `${booking.id}@skolnav`);
  expect(talk, 'no meeting');
  expect(talk.startDate.toUnixTime() === Date.parse(booking.starts_at) / 1000, `meeting at ${talk.startDate}`);
  expect(talk.summary.startsWith('Elsa: Utvecklingssamtal'), talk.summary);
  for (const child of [elsa, olle]) {
    const week = (await vh.get(`/api/v1/pupils/${child.id}/calendar`)).body;
    for (const ev of week.events) {
      const e = events.find((x) => x.uid === `${ev.id}@skolnav`);
      expect(e, `event ${ev.id} (${ev.title}) missing`);
      expect(e.startDate.isDate === ev.all_day, `${ev.id}: all-day ${e.startDate.isDate}`);
      expect(e.startDate.toString().startsWith(ev.date), `${ev.id} on ${e.startDate}`);
    }
  }
});

await check('no feed without a valid token, for another family\'s child, or once revoked', async () => {
  const wrong = feed.path.replace(/\/([^/]{43})\//, (m, t) => `/${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}/`);
  expect((await fetch(`${url}${wrong}`)).status === 404, 'a wrong token answers');
  const other = await vh2.post('/api/v1/calendar-feeds', { pupil: elsa.id });
  expect(other.status === 404, `another family's child: ${other.status}`);
  const stranger = await vh2.del(`/api/v1/calendar-feeds/${feed.id}`);
  expect(stranger.status === 404, `another guardian revoked: ${stranger.status}`);
  expect((await fetch(`${url}${feed.path}`)).status === 200, 'gone after a stranger tried');
  const revoked = await vh.del(`/api/v1/calendar-feeds/${feed.id}`);
  expect(revoked.status === 204, `DELETE: ${revoked.status}`);
  const after = await fetch(`${url}${feed.path}`);
  expect(after.status === 404, `after revoking: ${after.status}`);
  const text = await after.text();
  expect(!text.includes('BEGIN:VCALENDAR'), 'calendar after revoking');
});

finish();
