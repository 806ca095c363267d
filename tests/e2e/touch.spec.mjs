// Touch on a phone, in a real browser against a running server: the canvas takes every
// touch (touch-action: none), so the page cannot zoom itself; two fingers pinching zoom
// the UI instead, as a phone's browser zooms a page: it lays out again in larger units
// (nothing runs off the side), its glyphs are baked for the new scale (sharp, not
// magnified pixels), taps still land on what they touch, the zoom stops at 80 % and at
// 200 % (on a phone where the layout would get narrower than 260 px: 150 % at 390 px)
// and is kept after a reload. Touch events come through the DevTools protocol
// (Input.dispatchTouchEvent) at 390 px, and on a 1280 px touch screen.
// A finger held on a link's or a file's row offers "Öppna" and "Kopiera länk" (lifting
// it opens nothing by itself); "Kopiera länk" puts the whole address on the clipboard
// and "Öppna" asks the browser for it.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn } from './spec_harness.mjs';

const { url, shots, guardian, password } = env;
requireEnv('guardian', 'pupil');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Two fingers on a horizontal line through (cx, cy), `from` px apart, moving to `to` px.
async function pinch(sk, from, to, { cx, cy } = {}) {
  const { width, height } = sk.page.viewportSize();
  cx = cx ?? width / 2;
  cy = cy ?? height / 2;
  const points = (d) => [{ x: cx - d / 2, y: cy, id: 1 }, { x: cx + d / 2, y: cy, id: 2 }];
  const cdp = await sk.page.context().newCDPSession(sk.page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  for (let i = 1; i <= 8; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(from + ((to - from) * i) / 8) });
    await sleep(30);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await sk.waitIdle();
}
const zoom = (sk) => sk.page.evaluate(() => Math.round(window.skolnav.zoom() * 100) / 100);
const near = (a, b, tolerance) => Math.abs(a - b) <= tolerance;

// Every widget on screen lies within the page's width: the UI was laid out again for the
// zoom, not magnified past the edge.
async function expectWithin(sk) {
  const { width, height } = sk.page.viewportSize();
  for (const w of await sk.widgets()) {
    if (w.y + w.h < 0 || w.y > height) continue;
    expect(w.x >= -0.5 && w.x + w.w <= width + 0.5, `"${w.label}" (${w.role}) reaches outside the page: x ${w.x}, w ${w.w}`);
  }
}

// The canvas is still the page's size, with a drawing buffer at the screen's resolution,
// and the glyphs are baked for devicePixelRatio × zoom: drawn sharp, not scaled up.
async function expectSharp(sk) {
  const { width } = sk.page.viewportSize();
  const c = await sk.page.evaluate(() => {
    const el = document.getElementById('canvas');
    return { css: el.getBoundingClientRect().width, buffer: el.width, dpr: window.devicePixelRatio,
      scroll: document.documentElement.scrollWidth, ratio: window.skolnav.fonts().ratio, zoom: window.skolnav.zoom() };
  });
  expect(c.css === width && c.scroll === width, `the canvas is ${c.css} px wide in a ${width} px page (page ${c.scroll} px)`);
  expect(c.buffer === Math.round(width * c.dpr), `the drawing buffer is ${c.buffer} px for ${width} CSS px at DPR ${c.dpr}`);
  expect(near(c.ratio, c.dpr * c.zoom, 0.001), `the glyphs are baked for ${c.ratio} device px a unit, want ${c.dpr * c.zoom}`);
}

const phone = await launchBrowser({ hasTouch: true });
let sk;
try {
  let before;
  await check('two fingers pinching apart zoom the UI on a phone: laid out again, larger, sharp, nothing off the side', async () => {
    sk = await SkolnavPage.open(phone.context, url, { viewport: PHONE });
    await signIn(sk, guardian);
    await sk.waitIdle();
    expect((await zoom(sk)) === 1, `the zoom starts at ${await zoom(sk)}`);
    before = await sk.find('Inställningar', { role: 'button' });
    await sk.screenshot(path.join(shots, 'touch-zoom-100-390.png'));
    await pinch(sk, 100, 150);
    expect((await zoom(sk)) === 1.5, `zoom ${await zoom(sk)} after pinching 100 → 150 px`);
    const after = await sk.find('Inställningar', { role: 'button' });
    // Glyphs baked at another size round their widths a little differently: a few percent.
    expect(near(after.h, before.h * 1.5, 1) && near(after.w, before.w * 1.5, before.w * 0.075),
      `the settings button is ${after.w}×${after.h}, was ${before.w}×${before.h}: not 1.5 times`);
    // Where the header has no room for every label, "Logga ut" keeps its icon and its name.
    expect(await sk.find('Logga ut', { role: 'button' }), 'no "Logga ut" at 150 %');
    await expectWithin(sk);
    await expectSharp(sk);
    await sk.screenshot(path.join(shots, 'touch-zoom-150-390.png'));
  });

  await check('taps land on what they touch at the new zoom', async () => {
    await sk.tap('Inställningar', { role: 'button' });
    await sk.waitFor('Utseende', { role: 'text' });
    await sk.tap('Tillbaka', { role: 'button' });
    await sk.waitFor('Logga ut', { role: 'button' });
    await sk.waitGone('Utseende', { role: 'text' });
  });

  await check('the zoom is kept after a reload', async () => {
    await sk.reload();
    await sk.waitFor('Logga ut', { role: 'button' });
    expect((await zoom(sk)) === 1.5, `zoom ${await zoom(sk)} after the reload`);
    await expectSharp(sk);
  });

  await check('pinching stops at 80 %, and on a 390 px phone at 150 % (the layout stays 260 px wide)', async () => {
    await pinch(sk, 60, 360);
    expect((await zoom(sk)) === 1.5, `zoom ${await zoom(sk)} after a wide pinch`);
    await expectWithin(sk);
    await expectSharp(sk);
    await pinch(sk, 360, 40);
    expect((await zoom(sk)) === 0.8, `zoom ${await zoom(sk)} after a narrow pinch`);
    await expectWithin(sk);
    await sk.screenshot(path.join(shots, 'touch-zoom-80-390.png'));
  });

  await check('a 1280 px touch screen zooms the same way', async () => {
    await sk.page.setViewportSize(DESKTOP);
    await sk.waitIdle();
    await pinch(sk, 160, 200);  // 0.8 × 1.25: back to 100 %
    expect((await zoom(sk)) === 1, `zoom ${await zoom(sk)}, want 1`);
    await pinch(sk, 200, 300);
    expect((await zoom(sk)) === 1.5, `zoom ${await zoom(sk)}, want 1.5`);
    await expectWithin(sk);
    await expectSharp(sk);
    await sk.screenshot(path.join(shots, 'touch-zoom-150-1280.png'));
    await pinch(sk, 100, 400);
    expect((await zoom(sk)) === 2, `zoom ${await zoom(sk)} after a wide pinch at 1280 px, want 2 (the most)`);
    await expectWithin(sk);
    await sk.screenshot(path.join(shots, 'touch-zoom-200-1280.png'));
  });

  await check('no frames are drawn once the fingers have lifted (2 s)', async () => {
    const frames = await sk.framesWhileIdle(2000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });
} finally {
  await phone.close();
}

// A finger held on a touch point `w` (a widget) for `ms`, then lifted.
async function hold(sk, w, ms = 900) {
  const cdp = await sk.page.context().newCDPSession(sk.page);
  const point = { x: w.x + 8, y: w.y + w.h / 2, id: 1 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await sleep(ms);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  await sk.waitIdle();
}
// The held row's menu: its "Öppna" and "Kopiera länk", side by side.
async function linkMenu(sk) {
  const all = await sk.widgets();
  const copy = all.find((x) => x.role === 'button' && x.label === 'Kopiera länk');
  const open = copy && all.find((x) => x.role === 'button' && x.label === 'Öppna' && Math.abs(x.y - copy.y) < 4);
  return copy && open ? { copy, open } : null;
}

const held = await launchBrowser({ hasTouch: true });
try {
  await held.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  const linkUrl = 'https://www.skolverket.se/lasa-vidare';
  const linkTitle = 'Läs mer hos Skolverket';
  let file, title, pages;
  await check('a finger held on a link offers "Öppna" and "Kopiera länk"; lifting it opens nothing', async () => {
    sk = await SkolnavPage.open(held.context, url, { viewport: PHONE });
    await signIn(sk, guardian);
    // The school publishes a news item with a link and a file (API).
    const me = (await apiGet(sk, '/api/v1/me')).body;
    const pupil = me.pupils.find((p) => p.first_name === 'Elsa');
    const admin = await request.newContext({ baseURL: url });
    expect((await admin.post('/api/v1/session', { data: { username: 'demo.admin', password } })).ok(), 'admin sign-in failed');
    const up = await admin.post('/api/v1/attachments?filename=Skolbio.pdf',
      { data: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'), headers: { 'Content-Type': 'application/pdf' } });
    expect(up.status() === 201, `upload: ${up.status()}`);
    file = (await up.json()).attachment;
    title = `Skolbio i aulan ${Date.now() % 100000}`;
    const published = await admin.post(`/api/v1/schools/${pupil.school.id}/news`, { data: {
      title, body: 'Filmen visas i aulan.', links: [{ title: linkTitle, url: linkUrl }], attachment_ids: [file.id] } });
    expect(published.status() === 201, `publish: ${published.status()} ${await published.text()}`);
    await admin.dispose();
    await sk.page.evaluate((h) => { window.location.hash = h; }, `#/elev/${pupil.id}/information`);
    await sk.tap(await sk.waitFor(title, { role: 'link' }));
    const row = await sk.reveal(linkTitle, { role: 'text' });
    pages = held.context.pages().length;
    await hold(sk, row);
    const menu = await linkMenu(sk);
    expect(menu, `no "Öppna" and "Kopiera länk" after holding the link; buttons: ${(await sk.widgets()).filter((x) => x.role === 'button').map((x) => x.label).join(' | ')}`);
    expect(Math.abs(menu.copy.y - row.y) < 140, `the menu is far from the held row (${menu.copy.y} vs ${row.y})`);
    expect(held.context.pages().length === pages, 'lifting the finger opened the link');
    await sk.screenshot(path.join(shots, 'touch-link-menu-390.png'));
  });

  await check('"Kopiera länk" puts the link\'s address on the clipboard and closes the menu', async () => {
    await sk.page.evaluate(() => navigator.clipboard.writeText('före'));
    await sk.tap((await linkMenu(sk)).copy);
    const copied = await sk.page.evaluate(() => navigator.clipboard.readText());
    expect(copied === linkUrl, `the clipboard has ${JSON.stringify(copied)}, the link is ${linkUrl}`);
    expect(!(await linkMenu(sk)), 'the menu stayed after copying');
  });

  await check('a file row held: "Kopiera länk" copies its whole address, "Öppna" asks the browser for the file', async () => {
    const row = await sk.reveal('Skolbio.pdf', { role: 'text' });
    await hold(sk, row);
    let menu = await linkMenu(sk);
    expect(menu, `no menu after holding the file row at ${JSON.stringify(row)}`);
    await sk.tap(menu.copy);
    const copied = await sk.page.evaluate(() => navigator.clipboard.readText());
    expect(copied === `${url}/api/v1/attachments/${file.id}`, `the clipboard has ${JSON.stringify(copied)}`);
    await hold(sk, await sk.reveal('Skolbio.pdf', { role: 'text' }));
    menu = await linkMenu(sk);
    expect(menu, 'no menu after holding the file row again');
    const wanted = `/api/v1/attachments/${file.id}`;
    const [asked] = await Promise.all([
      held.context.waitForEvent('request', { predicate: (r) => r.url().endsWith(wanted), timeout: 10000 }),
      sk.tap(menu.open)]);
    expect(asked.method() === 'GET', `${asked.method()} ${asked.url()}`);
    expect(!(await linkMenu(sk)), 'the menu stayed after opening');
  });

  await check('a tap outside the menu closes it; at 1280 px the menu looks the same', async () => {
    await sk.page.setViewportSize(DESKTOP);
    await sk.waitIdle();
    await hold(sk, await sk.reveal(linkTitle, { role: 'text' }));
    expect(await linkMenu(sk), 'no menu at 1280 px');
    await sk.screenshot(path.join(shots, 'touch-link-menu-1280.png'));
    await sk.page.touchscreen.tap(DESKTOP.width - 20, DESKTOP.height - 20);
    await sk.waitIdle();
    expect(!(await linkMenu(sk)), 'the menu stayed after a tap outside it');
  });
} finally {
  await held.close();
}
finish(sk);
