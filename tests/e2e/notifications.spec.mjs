// Live notifications end to end: a guardian (demo.vh) has the start page open; a teacher
// (demo.personal) publishes a news item to Elsa's group through the API. Without any
// reload the guardian's bell count rises (the time it takes is printed), and so does the
// Information card's badge; the bell opens the notifications page, which lists it;
// activating it opens the news item at its own address, the back button returns to the
// page, and "Markera alla som lästa" clears the count. While the tab is hidden, a new one
// is also a system notification (the permission granted in the browser, the
// Notification constructor counted by an init script), whose click opens the item; items
// there before, or arriving while the page is visible, make none.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn } from './spec_harness.mjs';

const { url, shots, guardian, password } = env;
requireEnv('guardian');
const child = 'Elsa';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The bell's name carries the count: "Notiser" or "Notiser, 3 olästa".
async function bellCount(sk) {
  const bell = await sk.find('Notiser', { role: 'button' });
  if (!bell) return null;
  const m = /(\d+) olästa/.exec(bell.label);
  return m ? Number(m[1]) : 0;
}

// Waits (polling the widget list every 10 ms, no frames needed) until the bell says
// `want`; returns the milliseconds it took from `since`.
async function waitBell(sk, want, since, timeout = 10000) {
  await sk.page.waitForFunction((n) => {
    const bell = window.skolnav.widgets().find((w) => w.role === 'button' && w.label.startsWith('Notiser'));
    if (!bell) return false;
    const m = /(\d+) olästa/.exec(bell.label);
    return (m ? Number(m[1]) : 0) === n;
  }, want, { polling: 10, timeout });
  return Date.now() - since;
}

// Counts the system notifications made in the page (window.Notification wrapped before
// the client loads).
const countNotifications = `
  (() => {
    window.__notes = [];
    const Real = window.Notification;
    if (!Real) return;
    class Counted extends Real {
      constructor(title, options) {
        super(title, options);
        window.__notes.push({ title, body: options && options.body, note: this });
      }
    }
    window.Notification = Counted;
  })();`;

const browser = await launchBrowser();
let sk, pupilId, groupId, schoolId, teacher;

async function publish(title, body = 'Mer information kommer.') {
  const t0 = Date.now();
  const r = await teacher.post(`/api/v1/schools/${schoolId}/news`, { data: { title, body, group_ids: [groupId] } });
  expect(r.status() === 201, `publish "${title}": ${r.status()} ${await r.text()}`);
  return { t0, item: (await r.json()).item };
}

async function titleLinks(title) {
  return (await sk.findAll(title, { role: 'link' })).filter((w) => w.label === title);
}

try {
  await browser.context.grantPermissions(['notifications'], { origin: url });
  await browser.context.addInitScript(countNotifications);
  let before, cardBefore, first;

  await check('the guardian\'s start page shows the bell with the API\'s unread count', async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await signIn(sk, guardian);
    const me = (await apiGet(sk, '/api/v1/me')).body;
    const elsa = me.pupils.find((p) => p.first_name === child);
    expect(elsa, `${guardian} has no child called ${child}`);
    pupilId = elsa.id;
    schoolId = elsa.school.id;
    const assignments = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/assignments`)).body;
    groupId = (assignments.assignments || []).map((a) => a.group && a.group.id).find(Boolean);
    expect(groupId, `no group of ${child}'s found through her assignments`);
    if (await sk.find(child, { role: 'tab' })) await sk.click(child, { role: 'tab' });
    await sk.waitFor('Information', { role: 'link' });
    await sk.waitIdle();
    const api = (await apiGet(sk, '/api/v1/notifications')).body;
    before = await bellCount(sk);
    expect(before === api.unread, `the bell says ${before}, the API ${api.unread} unread`);
    const start = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/start`)).body;
    const info = start.boxes.find((b) => b.box === 'information');
    // The badge: the card's own count of what is new (unread news), else the box's unread notifications.
    cardBefore = typeof info.card.unread === 'number' ? info.card.unread : (info.unread || 0);
    teacher = await request.newContext({ baseURL: url });
    const s = await teacher.post('/api/v1/session', { data: { username: 'demo.personal', password } });
    expect(s.ok(), `demo.personal sign-in: ${s.status()}`);
  });

  await check('a teacher publishes a news item: the bell count rises within 2 s, without a reload', async () => {
    const title = `Utflykt till Naturhistoriska ${Date.now() % 100000}`;
    const p = await publish(title);
    first = { title, item: p.item };
    const ms = await waitBell(sk, before + 1, p.t0);
    console.log(`     bell count ${before} -> ${before + 1} after ${ms} ms (from the POST)`);
    expect(ms <= 2000, `the bell took ${ms} ms`);
    await sk.waitIdle();
    expect(sk.page.url().indexOf('#/notiser') < 0, 'the page moved');
  });

  await check('the Information card\'s badge counts it too', async () => {
    const want = cardBefore + 1 === 1 ? "1 ny" : `${cardBefore + 1} nya`;
    const end = Date.now() + 5000;
    while (!(await sk.find(want, { role: 'text' }))) {
      if (Date.now() > end) throw new Error(`no "${want}" on the start page: ${(await sk.texts()).join(' | ')}`);
      await sleep(50);
    }
    const badge = await sk.find(want, { role: 'text' });
    const card = await sk.find('Information', { role: 'link' });
    expect(badge.y >= card.y && badge.y + badge.h <= card.y + card.h && badge.x >= card.x && badge.x < card.x + card.w,
      `"${want}" is not on the Information card`);
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'notifications-bell.png'));
  });

  await check('the bell opens the notifications page: the new item first, unread, with child and box', async () => {
    await sk.click('Notiser', { role: 'button' });
    await sk.waitFor('Markera alla som lästa', { role: 'button' });
    expect(new URL(sk.page.url()).hash === '#/notiser', `address ${sk.page.url()}`);
    const links = await titleLinks(first.title);
    expect(links.length === 1, `${links.length} entries titled "${first.title}"`);
    const all = (await sk.widgets()).filter((w) => w.role === 'link');
    expect(all.length && all[0].label === first.title, `the first entry is "${all[0] && all[0].label}"`);
    const row = links[0];
    const inRow = (await sk.widgets()).filter((w) => w.role === 'text' && w.y >= row.y && w.y + w.h <= row.y + row.h + 1);
    const labels = inRow.map((w) => w.label);
    expect(labels.includes('Oläst'), `no "Oläst" on the new entry: ${labels.join(' | ')}`);
    expect(labels.includes(child), `no "${child}" tag on the entry: ${labels.join(' | ')}`);
    expect(labels.some((t) => t.startsWith('Information · ')), `no "Information · <when>": ${labels.join(' | ')}`);
    expect(labels.some((t) => /nyss|min sedan|i dag/.test(t)), `no relative date: ${labels.join(' | ')}`);
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'notifications-panel.png'));
  });

  await check('the notifications page draws no frames while idle (3 s)', async () => {
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('the child filter shows one child\'s notifications', async () => {
    const me = (await apiGet(sk, '/api/v1/me')).body;
    const other = me.pupils.find((p) => p.id !== pupilId);
    expect(other, `${guardian} has one child only`);
    await sk.click(other.first_name, { role: 'tab' });
    expect(new URL(sk.page.url()).hash === `#/notiser/${other.id}`, `address ${sk.page.url()}`);
    expect((await titleLinks(first.title)).length === 0, `"${first.title}" (about ${child}) shown under ${other.first_name}`);
    await sk.click(child, { role: 'tab' });
    await sk.waitFor(first.title, { role: 'link' });
    await sk.click('Alla barn', { role: 'tab' });
    await sk.waitFor(first.title, { role: 'link' });
  });

  await check('activating it opens the news item at its address and marks it read', async () => {
    await sk.click(first.title, { role: 'link' });
    const want = `#/elev/${pupilId}/information/${first.item.id}`;
    expect(decodeURI(new URL(sk.page.url()).hash) === want, `address ${sk.page.url()}, want ${want}`);
    await waitBell(sk, before, Date.now());
    const api = (await apiGet(sk, '/api/v1/notifications')).body;
    const n = api.notifications.find((x) => x.item_id === first.item.id);
    expect(n && n.read, 'the server still has it unread');
    await sk.waitFor('Tillbaka till nyheterna', { role: 'button', timeout: 5000 });
    const texts = await sk.texts();
    expect(texts.includes(first.title) && texts.includes('Mer information kommer.'), `the article is not shown: ${texts.join(' | ')}`);
  });

  await check('the back button returns to the notifications page, the entry now read', async () => {
    await sk.page.goBack();
    await sk.waitFor('Notiser', { role: 'text' });
    await sk.waitFor(first.title, { role: 'link' });
    expect(new URL(sk.page.url()).hash === '#/notiser', `address ${sk.page.url()}`);
    const row = (await titleLinks(first.title))[0];
    expect(row, 'the entry is gone');
    const marks = (await sk.widgets()).filter((w) => w.role === 'text' && w.label === 'Oläst' && w.y >= row.y && w.y <= row.y + row.h);
    expect(marks.length === 0, 'the opened entry still says "Oläst"');
  });

  await check('"Markera alla som lästa" clears the count, on the server too', async () => {
    if ((await bellCount(sk)) === 0) {
      // Nothing else was unread: one more to clear.
      const p = await publish(`Läxhjälp i biblioteket ${Date.now() % 100000}`);
      await waitBell(sk, 1, p.t0);
    }
    await sk.click('Markera alla som lästa', { role: 'button' });
    await waitBell(sk, 0, Date.now());
    await sk.waitIdle();
    expect(!(await sk.find('Oläst', { role: 'text' })), '"Oläst" still on the page');
    const api = (await apiGet(sk, '/api/v1/notifications')).body;
    expect(api.unread === 0, `the API has ${api.unread} unread`);
    expect(!(await sk.find('Markera alla som lästa', { role: 'button' })), 'the button stays with nothing unread');
  });

  await check('the page asks for no desktop permission it has: it says they are on', async () => {
    await sk.waitFor('Nya notiser visas på skrivbordet', { role: 'text' });
    expect(!(await sk.find('Visa notiser på skrivbordet', { role: 'button' })), 'asks again');
  });

  await check('no system notification while the page is visible or for what was there before', async () => {
    const notes = await sk.page.evaluate(() => window.__notes.length);
    expect(notes === 0, `${notes} system notifications so far`);
  });

  await check('while the tab is hidden a new item is a system notification; clicking it opens the item', async () => {
    // Another tab to the front hides this one; headless Chromium may keep both visible,
    // then the page is told it is hidden (document.hidden, visibilitychange).
    const other = await browser.context.newPage();
    await other.goto('about:blank');
    await other.bringToFront();
    let hidden = await sk.page.evaluate(() => document.hidden);
    if (!hidden) {
      await sk.page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      hidden = 'emulated';
    }
    console.log(`     page hidden: ${hidden}`);
    const title = `Föräldramöte flyttas ${Date.now() % 100000}`;
    const p = await publish(title);
    await sk.page.waitForFunction(() => window.__notes.length > 0, null, { polling: 20, timeout: 10000 });
    const ms = Date.now() - p.t0;
    const notes = await sk.page.evaluate(() => window.__notes.map((n) => ({ title: n.title, body: n.body })));
    console.log(`     system notification after ${ms} ms: ${JSON.stringify(notes)}`);
    expect(notes.length === 1, `${notes.length} system notifications`);
    expect(notes[0].title === title, `title "${notes[0].title}"`);
    expect(/Information/.test(notes[0].body), `body "${notes[0].body}" does not name the box`);
    await sk.page.evaluate(() => {
      delete document.hidden;
      delete document.visibilityState;
      const n = window.__notes[0].note;
      n.onclick(new Event('click'));
    });
    await sk.page.bringToFront();
    await other.close();
    await sk.page.waitForFunction((id) => decodeURI(location.hash).endsWith(`/information/${id}`), p.item.id, { timeout: 5000 });
    expect(decodeURI(new URL(sk.page.url()).hash) === `#/elev/${pupilId}/information/${p.item.id}`, `address ${sk.page.url()}`);
  });

  await check('an item opened by its address (not from the page) reads its notification too', async () => {
    // A blog post: unlike a news item, the server does not read it when the post is fetched.
    const title = `Vi besökte museet ${Date.now() % 100000}`;
    const t0 = Date.now();
    const r = await teacher.post(`/api/v1/schools/${schoolId}/blog`, { data: { title, body: 'Bilder kommer.', group_ids: [groupId] } });
    expect(r.status() === 201, `publish the post: ${r.status()} ${await r.text()}`);
    const post = (await r.json()).post;
    const unread = (await apiGet(sk, '/api/v1/notifications')).body.unread;
    await waitBell(sk, unread, t0);
    const before = (await apiGet(sk, '/api/v1/notifications')).body.notifications.find((n) => n.item_id === post.id);
    expect(before && !before.read, 'no unread notification about the post');
    await sk.page.goto(`${url}/#/elev/${pupilId}/blogg/${post.id}`);
    await sk.waitFor('Tillbaka till inläggen', { role: 'button', timeout: 10000 });
    await waitBell(sk, unread - 1, Date.now());
    const after = (await apiGet(sk, '/api/v1/notifications')).body.notifications.find((n) => n.item_id === post.id);
    expect(after && after.read, 'the server still has it unread');
  });

  await check('on a phone (360 px) the bell and the page fit the screen', async () => {
    await sk.page.setViewportSize({ width: 360, height: 780 });
    await sk.page.goto(`${url}/#/notiser`);
    await sk.waitReady();
    await sk.waitFor('Notiser', { role: 'button' });
    await sk.waitFor('Alla barn', { role: 'tab' });
    for (const w of await sk.widgets())
      expect(w.x >= -0.5 && w.x + w.w <= 360.5, `"${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    const bell = await sk.find('Notiser', { role: 'button' });
    const out = await sk.find('Logga ut', { role: 'button' });
    const settings = await sk.find('Inställningar', { role: 'button' });
    for (const [a, b] of [[bell, settings], [settings, out]])
      expect(a.x + a.w <= b.x + 0.5, `"${a.label}" overlaps "${b.label}"`);
    await sk.page.mouse.move(5, 775);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'notifications-panel-phone.png'));
  });

  // Last: it closes the first tab.
  await check('two tabs share one stream (a browser has only six connections to a server); the second takes over when the first closes', async () => {
    const streams = [];
    const seen = (req) => { if (new URL(req.url()).pathname === '/api/v1/events') streams.push(req.frame().page()); };
    browser.context.on('request', seen);
    try {
      const second = new SkolnavPage(await browser.context.newPage());
      await second.page.goto(`${url}/#/`);
      await second.waitReady();
      await second.waitFor('Notiser', { role: 'button' });
      await sleep(1500);
      expect(streams.length === 0, `the second tab opened its own stream (${streams.length} requests)`);
      const unread = (await apiGet(sk, '/api/v1/notifications')).body.unread;
      const p = await publish(`Julavslutning i kyrkan ${Date.now() % 100000}`);
      const [ms1, ms2] = await Promise.all([waitBell(sk, unread + 1, p.t0), waitBell(second, unread + 1, p.t0)]);
      console.log(`     both bells rose: first tab ${ms1} ms, second tab ${ms2} ms`);
      await sk.page.close();  // its lock passes to the second tab
      const t0 = Date.now();
      while (!streams.includes(second.page) && Date.now() - t0 < 5000) await sleep(50);
      expect(streams.includes(second.page), 'the second tab did not open the stream after the first closed');
      const q = await publish(`Skridskodag på isbanan ${Date.now() % 100000}`);
      console.log(`     the second tab took over after ${Date.now() - t0} ms; bell rose ${await waitBell(second, unread + 2, q.t0)} ms after the next item`);
    } finally {
      browser.context.off('request', seen);
    }
  });
} finally {
  if (teacher) await teacher.dispose();
  await browser.close();
}
finish(sk);
