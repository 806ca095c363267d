// Dokumentation end to end in a real browser against a running Skolnav server. Staff put
// pictures (PNGs made here, with known pixels) and a PDF into the pupils' portfolios
// through the API; then a guardian opens Dokumentation for Olle (förskola) and Elsa
// (grundskola): the section tabs are the API's kinds with their counts, each section
// shows the API's entries (title, date, author, text), the pictures are drawn as images
// whose textures have the pictures' size and pixels, a picture opens large with its
// caption and steps to the next, a file opens its download address (which answers 200),
// and the view draws no frames while idle. Another family's guardian reaching Elsa's
// documentation by a deep link sees none of it. Screenshots of every section at 1280
// and 360 px and of a picture opened large.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import zlib from 'node:zlib';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, password } = env;
requireEnv('guardian');
const api = apiGet;
const stamp = Date.now() % 100000;

// --- Pictures with known pixels ----------------------------------------------------------

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}
// An RGBA PNG of w × h whose pixel (x, y) is colorAt(x, y) = [r, g, b, a].
function png(w, h, colorAt) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;  // bits per channel
  ihdr[9] = 6;  // RGBA
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) raw.set(colorAt(x, y), y * (w * 4 + 1) + 1 + x * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
// A child's drawing: sky over grass, a sun; a red mark in the top-left corner and a blue
// one in the bottom-right, so the size and the way up can be checked in the texture.
const RED = [220, 40, 40, 255], BLUE = [30, 60, 200, 255], SKY = [150, 200, 240, 255],
  GRASS = [90, 170, 80, 255], SUN = [250, 210, 60, 255];
function drawing(w, h) {
  return png(w, h, (x, y) => {
    if (x < 6 && y < 6) return RED;
    if (x >= w - 6 && y >= h - 6) return BLUE;
    const sx = w * 0.72, sy = h * 0.28, r = Math.min(w, h) * 0.14;
    if ((x - sx) ** 2 + (y - sy) ** 2 < r * r) return SUN;
    return y < h * 0.6 ? SKY : GRASS;
  });
}
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

// --- Helpers ------------------------------------------------------------------------------

const days = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
  'oktober', 'november', 'december'];
// "torsdag 12 november 2026", as the view writes an entry's date.
function longDate(iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  return `${days[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

// A signed-in API context for `username` with the person it is, or null.
async function staffSession(username) {
  const ctx = await request.newContext({ baseURL: url });
  const r = await ctx.post('/api/v1/session', { data: { username, password } });
  if (!r.ok()) { await ctx.dispose(); return null; }
  ctx.person = (await r.json()).person;
  return ctx;
}
async function upload(ctx, filename, bytes, type) {
  const r = await ctx.post(`/api/v1/attachments?filename=${encodeURIComponent(filename)}`,
    { data: bytes, headers: { 'Content-Type': type } });
  expect(r.status() === 201, `upload ${filename}: ${r.status()} ${await r.text()}`);
  return (await r.json()).attachment;
}
async function addEntry(ctx, pupilId, data) {
  const r = await ctx.post(`/api/v1/pupils/${encodeURIComponent(pupilId)}/documentation`, { data });
  return { status: r.status(), body: await r.json().catch(() => null) };
}

async function scrollTop(sk) {
  await sk.page.mouse.move(sk.page.viewportSize().width / 2, 300);
  await sk.page.mouse.wheel(0, -5000);
  await sk.waitIdle();
}

const tabLabel = (kind) => `${kind.name} (${kind.items.length})`;

// The pictures the client holds (platform/images.cpp), and one texture pixel as [r, g, b, a].
const images = (sk) => sk.page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._skolnav_images_json())));
async function texturePixel(sk, texture, x, y) {
  const v = await sk.page.evaluate(([t, px, py]) => Module._skolnav_image_pixel(t, px, py) >>> 0, [texture, x, y]);
  return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
}
const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 4);

// The picture at `file.url` is a texture of the picture's size with its pixels.
async function checkTexture(sk, file, w, h) {
  let info;
  for (let i = 0; i < 100; i++) {
    info = (await images(sk)).find((x) => x.url === file.url);
    if (info && info.state !== 'loading') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(info, `the client never asked for ${file.filename} (${file.url})`);
  expect(info.state === 'ready', `${file.filename} is ${info.state}`);
  expect(info.is_texture, `${file.filename}: texture ${info.texture} is not a GL texture`);
  expect(info.width === w && info.height === h && info.natural_width === w && info.natural_height === h,
    `${file.filename}: texture ${info.width}×${info.height} (picture ${info.natural_width}×${info.natural_height}), the PNG is ${w}×${h}`);
  const probes = [[1, 1, RED], [w - 2, h - 2, BLUE], [w - 2, 1, SKY], [1, h - 2, GRASS],
    [Math.round(w * 0.72), Math.round(h * 0.28), SUN]];
  for (const [x, y, want] of probes) {
    const got = await texturePixel(sk, info.texture, x, y);
    expect(near(got, want), `${file.filename}: pixel (${x}, ${y}) is ${got}, the PNG has ${want}`);
  }
  return info;
}

// Opens Dokumentation for `child` from the start page.
async function openDokumentation(sk, child, firstTab) {
  await scrollTop(sk);
  const back = await sk.find('Tillbaka', { role: 'button' });
  if (back && back.label === 'Tillbaka') { await sk.click(back); await sk.waitFor('Logga ut', { role: 'button' }); }
  if (await sk.find(child, { role: 'tab' })) await sk.click(child, { role: 'tab' });
  await sk.click(await sk.reveal('Dokumentation', { role: 'link' }));
  await sk.waitFor(firstTab, { role: 'tab' });
  await sk.waitIdle();
}

// The section's entries on screen are the API's, in its order, each with its date,
// author and text; no other section's entries are on screen.
async function checkSection(sk, doc, kind) {
  await scrollTop(sk);
  await sk.click(tabLabel(kind), { role: 'tab' });
  const tab = await sk.find(tabLabel(kind), { role: 'tab' });
  expect(tab && tab.checked === true, `tab "${tabLabel(kind)}" is not the selected one`);
  for (const item of kind.items) {
    await sk.reveal(item.title, { role: 'text' });
    const texts = await sk.texts();
    const meta = `${longDate(item.date)} · ${item.created_by.name}`;
    expect(texts.includes(meta), `no "${meta}" for "${item.title}"; texts: ${texts.join(' | ')}`);
    if (item.body) expect(texts.includes(item.body), `the text of "${item.title}" is not shown`);
  }
  // Top to bottom in the API's order (newest first): first sightings while scrolling down.
  await scrollTop(sk);
  const titles = new Set(kind.items.map((i) => i.title));
  const unique = [...titles];
  const order = [];
  for (let i = 0; i < 20 && order.length < unique.length; i++) {
    const onScreen = (await sk.widgets()).filter((w) => w.role === 'text' && titles.has(w.label)).sort((a, b) => a.y - b.y);
    for (const w of onScreen) if (!order.includes(w.label)) order.push(w.label);
    await sk.page.mouse.wheel(0, 300);
    await sk.waitIdle();
  }
  expect(JSON.stringify(order) === JSON.stringify(unique), `entries on screen: ${order.join(' | ')}; the API's: ${unique.join(' | ')}`);
  if (kind.items.length === 0) expect((await sk.texts()).includes('Här finns inget ännu.'), `the empty ${kind.name} does not say so`);
  await scrollTop(sk);
  const others = doc.kinds.filter((k) => k.kind !== kind.kind).flatMap((k) => k.items.map((i) => i.title)).filter((t) => !titles.has(t));
  const texts = await sk.texts();
  for (const t of others) expect(!texts.includes(t), `"${t}" of another section is on screen in ${kind.name}`);
}

async function shoot(sk, name) {
  await scrollTop(sk);
  await sk.page.mouse.move(5, sk.page.viewportSize().height - 5);
  await sk.waitIdle();
  await sk.screenshot(path.join(shots, name));
}

// --- The test ------------------------------------------------------------------------------

const browser = await launchBrowser();
let sk, me, elsa, olle, elsaDoc, olleDoc;
const elsaEntry = { title: `Teknik: vår bro håller två kilo ${stamp}`, pictures: [] };
const olleEntry = { title: `Vi bygger ett torn av klossar ${stamp}`, pictures: [] };
let ritning;
try {
  await check('staff put pictures and a PDF into Elsa\'s and Olle\'s portfolios through the API', async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await signIn(sk, guardian);
    me = (await api(sk, '/api/v1/me')).body;
    elsa = me.pupils.find((p) => p.first_name === 'Elsa');
    olle = me.pupils.find((p) => p.first_name === 'Olle');
    expect(elsa && olle, `${guardian} should have Elsa and Olle`);
    expect(elsa.boxes.includes('dokumentation') && olle.boxes.includes('dokumentation'), 'Dokumentation is not on both start pages');

    // Elsa's class teacher (demo.personal): two pictures and a PDF in one entry.
    const teacher = await staffSession('demo.personal');
    expect(teacher, 'demo.personal cannot sign in');
    const shapes = [['Bron-framifran.png', 240, 160], ['Bron-ovanifran.png', 120, 180]];
    for (const [name, w, h] of shapes)
      elsaEntry.pictures.push({ ...(await upload(teacher, name, drawing(w, h), 'image/png')), w, h });
    ritning = await upload(teacher, 'Ritning av bron.pdf', pdf, 'application/pdf');
    const made = await addEntry(teacher, elsa.id, {
      kind: 'portfolio', title: elsaEntry.title,
      body: 'Elsa ritade bron och byggde den med två kompisar. Den höll för två kilo!',
      attachment_ids: [...elsaEntry.pictures.map((p) => p.id), ritning.id] });
    expect(made.status === 201, `Elsa's entry: ${made.status} ${JSON.stringify(made.body)}`);
    await teacher.dispose();

    // Olle's preschool teacher: the mentor of his group, named in his documentation and
    // contact list; demo usernames are the e-mail's name (a number added when taken).
    const staff = (await api(sk, `/api/v1/pupils/${olle.id}/contacts`)).body.staff;
    const mentor = staff.find((s) => s.mentor) || staff[0];
    const base = mentor.email.split('@')[0];
    let pedagog = null;
    for (const username of [base, `${base}2`, `${base}3`, `${base}4`]) {
      const ctx = await staffSession(username);
      if (!ctx) continue;
      if (ctx.person && ctx.person.id === mentor.id) { pedagog = ctx; break; }
      await ctx.dispose();
    }
    expect(pedagog, `no sign-in found for ${mentor.name}`);
    olleEntry.pictures.push({ ...(await upload(pedagog, 'Tornet.png', drawing(200, 200), 'image/png')), w: 200, h: 200 });
    const made2 = await addEntry(pedagog, olle.id, {
      kind: 'portfolio', title: olleEntry.title, body: 'Olle byggde högt och räknade klossarna: tolv stycken.',
      attachment_ids: olleEntry.pictures.map((p) => p.id) });
    expect(made2.status === 201, `Olle's entry: ${made2.status} ${JSON.stringify(made2.body)}`);
    await pedagog.dispose();
  });

  await check('Olle (förskola): the tabs are the API\'s sections with their counts', async () => {
    olleDoc = (await api(sk, `/api/v1/pupils/${olle.id}/documentation`)).body;
    const kinds = olleDoc.kinds.map((k) => k.kind);
    expect(JSON.stringify(kinds) === JSON.stringify(['portfolio', 'anteckningar']), `förskola's sections: ${kinds}`);
    await openDokumentation(sk, 'Olle', tabLabel(olleDoc.kinds[0]));
    const tabs = (await sk.widgets()).filter((w) => w.role === 'tab' && / \(\d+\)$/.test(w.label)).map((w) => w.label);
    const wanted = olleDoc.kinds.map(tabLabel);
    expect(JSON.stringify(tabs) === JSON.stringify(wanted), `tabs ${tabs.join(' | ')}; the API's ${wanted.join(' | ')}`);
  });

  await check('Olle: each section shows the API\'s entries with date, author and text', async () => {
    for (const kind of olleDoc.kinds) {
      await checkSection(sk, olleDoc, kind);
      await shoot(sk, `dokumentation-olle-${kind.kind}-1280.png`);
    }
  });

  await check('Olle: the portfolio picture is drawn as an image of its own size and pixels', async () => {
    await sk.click(tabLabel(olleDoc.kinds[0]), { role: 'tab' });
    const pic = olleEntry.pictures[0];
    const tile = await sk.reveal(pic.filename, { role: 'image' });
    expect(tile.w > 60 && Math.abs(tile.w - tile.h) < 1, `thumbnail ${tile.w}×${tile.h}`);
    await sk.waitIdle();
    await checkTexture(sk, pic, pic.w, pic.h);
  });

  await check('Elsa (grundskola): the tabs are the API\'s sections with their counts', async () => {
    elsaDoc = (await api(sk, `/api/v1/pupils/${elsa.id}/documentation`)).body;
    const kinds = elsaDoc.kinds.map((k) => k.kind);
    expect(JSON.stringify(kinds) === JSON.stringify(['portfolio', 'iup', 'atgardsprogram', 'anteckningar']),
      `grundskola's sections: ${kinds}`);
    await openDokumentation(sk, 'Elsa', tabLabel(elsaDoc.kinds[0]));
    const tabs = (await sk.widgets()).filter((w) => w.role === 'tab' && / \(\d+\)$/.test(w.label)).map((w) => w.label);
    const wanted = elsaDoc.kinds.map(tabLabel);
    expect(JSON.stringify(tabs) === JSON.stringify(wanted), `tabs ${tabs.join(' | ')}; the API's ${wanted.join(' | ')}`);
  });

  await check('Elsa: each section shows the API\'s entries with date, author and text', async () => {
    for (const kind of elsaDoc.kinds) {
      await checkSection(sk, elsaDoc, kind);
      await shoot(sk, `dokumentation-elsa-${kind.kind}-1280.png`);
    }
  });

  await check('Elsa: both portfolio pictures are images of their own size and pixels; the PDF is listed by name and size', async () => {
    await sk.click(tabLabel(elsaDoc.kinds[0]), { role: 'tab' });
    const item = elsaDoc.kinds[0].items.find((i) => i.title === elsaEntry.title);
    expect(item, 'the API does not list the new entry');
    expect(item.attachments.filter((a) => a.inline).length === 2, 'the API does not mark the PNGs inline');
    for (const pic of elsaEntry.pictures) {
      await sk.reveal(pic.filename, { role: 'image' });
      await sk.waitIdle();
      await checkTexture(sk, pic, pic.w, pic.h);
    }
    // The PDF is a file, not a picture.
    expect(!(await sk.find(ritning.filename, { role: 'image' })), 'the PDF is drawn as a picture');
    await sk.reveal(ritning.filename, { role: 'text' });
    const texts = await sk.texts();
    expect(texts.includes(`${ritning.size} byte`), `no size "${ritning.size} byte" for the PDF: ${texts.join(' | ')}`);
  });

  await check('"Öppna" on the PDF opens its download address, which answers 200', async () => {
    await sk.page.evaluate(() => {
      window.__opened = [];
      window.open = (address) => { window.__opened.push(address); return null; };
    });
    const name = await sk.reveal(ritning.filename, { role: 'text' });
    const buttons = (await sk.findAll('Öppna', { role: 'button' })).filter((b) => Math.abs(b.y - name.y) < 30);
    expect(buttons.length === 1, `${buttons.length} "Öppna" beside ${ritning.filename}`);
    await sk.click(buttons[0]);
    const opened = await sk.page.evaluate(() => window.__opened);
    expect(JSON.stringify(opened) === JSON.stringify([ritning.url]), `opened ${JSON.stringify(opened)}, the API's address is ${ritning.url}`);
    const got = await sk.page.evaluate(async (u) => {
      const r = await fetch(u, { credentials: 'same-origin' });
      return { status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength };
    }, opened[0]);
    expect(got.status === 200 && got.type.startsWith('application/pdf') && got.size === pdf.length,
      `the download answered ${JSON.stringify(got)}`);
  });

  await check('a picture opens large with its caption, steps to the next, opens its file, and goes back', async () => {
    const [first, second] = elsaEntry.pictures;
    await sk.click(await sk.reveal(first.filename, { role: 'image' }));
    await sk.waitFor('Tillbaka till Portfolio', { role: 'button' });
    await sk.waitIdle();
    const large = await sk.find(first.filename, { role: 'image' });
    expect(large && large.w > 400, `the large picture is ${large && large.w} px wide`);
    expect(Math.abs(large.w / large.h - first.w / first.h) < 0.02, `drawn ${large.w}×${large.h}, the picture is ${first.w}×${first.h}`);
    const texts = await sk.texts();
    expect(texts.includes(elsaEntry.title), 'no caption (the entry\'s title) under the picture');
    expect(texts.some((t) => t.startsWith(`${first.filename} · `)), 'no file name and size under the picture');
    expect(texts.includes('Bild 1 av 2'), `no "Bild 1 av 2": ${texts.join(' | ')}`);
    expect(!texts.includes('Tryck på en bild för att se den större.'), 'the list is still on screen');
    await shoot(sk, 'dokumentation-picture-1280.png');
    await sk.click('Nästa', { role: 'button' });
    await sk.waitFor('Bild 2 av 2', { role: 'text' });
    const next = await sk.waitFor(second.filename, { role: 'image' });
    await sk.waitIdle();
    expect(Math.abs(next.w / next.h - second.w / second.h) < 0.02, `drawn ${next.w}×${next.h}, the picture is ${second.w}×${second.h}`);
    await sk.page.evaluate(() => { window.__opened = []; });
    await sk.click('Öppna', { role: 'button' });
    const opened = await sk.page.evaluate(() => window.__opened);
    expect(JSON.stringify(opened) === JSON.stringify([second.url]), `opened ${JSON.stringify(opened)}, the picture is ${second.url}`);
    const got = await sk.page.evaluate(async (u) => (await fetch(u, { credentials: 'same-origin' })).status, opened[0]);
    expect(got === 200, `the picture's address answered ${got}`);
    await sk.click('Tillbaka till Portfolio', { role: 'button' });
    await sk.waitFor(tabLabel(elsaDoc.kinds[0]), { role: 'tab' });
    expect(!(await sk.find('Bild 2 av 2', { role: 'text' })), 'still in the large view');
  });

  await check('the view draws no frames while idle once the pictures are in (3 s)', async () => {
    await sk.reveal(elsaEntry.pictures[0].filename, { role: 'image' });
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    expect((await images(sk)).every((i) => i.state !== 'loading'), 'pictures still loading');
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('on a phone (360 px) every section fits, and a picture opens large', async () => {
    for (const [child, doc] of [['olle', olleDoc], ['elsa', elsaDoc]]) {
      const id = child === 'olle' ? olle.id : elsa.id;
      sk = await SkolnavPage.open(browser.context, `${url}/#/elev/${id}/dokumentation`, { viewport: { width: 360, height: 780 } });
      await sk.waitFor(tabLabel(doc.kinds[0]), { role: 'tab' });
      for (const kind of doc.kinds) {
        await sk.click(tabLabel(kind), { role: 'tab' });
        await sk.waitIdle();
        for (const w of await sk.widgets())
          expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `${kind.name}: "${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
        if (kind.items[0]) await sk.waitFor(kind.items[0].title, { role: 'text' });
        await shoot(sk, `dokumentation-${child}-${kind.kind}-360.png`);
      }
    }
    await sk.click(tabLabel(elsaDoc.kinds[0]), { role: 'tab' });
    await sk.click(await sk.reveal(elsaEntry.pictures[0].filename, { role: 'image' }));
    await sk.waitFor('Tillbaka till Portfolio', { role: 'button' });
    await sk.waitIdle();
    const large = await sk.find(elsaEntry.pictures[0].filename, { role: 'image' });
    expect(large.x >= 0 && large.x + large.w <= 360.5 && large.w > 250, `large picture at x ${large.x}, ${large.w} px wide`);
    for (const w of await sk.widgets())
      expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `large view: "${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    await shoot(sk, 'dokumentation-picture-360.png');
    await sk.page.setViewportSize({ width: 1280, height: 800 });
    await sk.waitIdle();
  });

  await check('a picture on its way has a turning placeholder; one that cannot be decoded says so with its name', async () => {
    // A "PNG" that is only its signature: the server takes it, no browser can decode it.
    const teacher = await staffSession('demo.personal');
    const broken = await upload(teacher, 'Trasig.png', Buffer.concat([drawing(8, 8).subarray(0, 8), Buffer.from('inte en bild')]), 'image/png');
    const title = `Bild som inte går att visa ${stamp}`;
    const made = await addEntry(teacher, elsa.id, { kind: 'portfolio', title, body: 'Filen blev fel när den sparades.',
      attachment_ids: [broken.id, elsaEntry.pictures[0].id] });
    expect(made.status === 201, `entry: ${made.status} ${JSON.stringify(made.body)}`);
    await teacher.dispose();
    // The good picture is held back a while, so its placeholder can be seen.
    const slow = elsaEntry.pictures[0].url;
    await sk.page.route((u) => u.pathname === slow, async (route) => {
      await new Promise((r) => setTimeout(r, 2500));
      await route.continue();
    });
    await sk.page.goto('about:blank');
    await sk.page.goto(`${url}/#/elev/${elsa.id}/dokumentation`);
    await sk.page.waitForFunction((u) => window.skolnav && window.skolnav.ready && Module._skolnav_images_json &&
      JSON.parse(Module.UTF8ToString(Module._skolnav_images_json())).some((i) => i.url === u && i.state === 'loading'), slow, { timeout: 15000 });
    await sk.page.mouse.move(5, 795);
    await new Promise((r) => setTimeout(r, 300));
    await sk.screenshot(path.join(shots, 'dokumentation-picture-loading-1280.png'));
    const tiles = await sk.findAll(elsaEntry.pictures[0].filename, { role: 'image' });
    expect(tiles.length > 0, 'no placeholder named by the picture while it loads');
    await sk.waitIdle();
    await sk.page.unroute((u) => u.pathname === slow);
    const info = (await images(sk)).find((i) => i.url === broken.url);
    expect(info && info.state === 'failed', `Trasig.png is ${info && info.state}`);
    expect((await images(sk)).find((i) => i.url === slow).state === 'ready', 'the held-back picture did not arrive');
    const texts = await sk.texts();
    expect(texts.includes('Bilden kunde inte visas.') && texts.includes('Trasig.png'), `no plain message with the name: ${texts.join(' | ')}`);
    await sk.screenshot(path.join(shots, 'dokumentation-picture-failed-1280.png'));
    const frames = await sk.framesWhileIdle(1500);
    expect(frames === 0, `${frames} frames drawn while idle with a failed picture`);
    await sk.click('Trasig.png', { role: 'image' });
    await sk.waitFor('Bilden kunde inte visas: Trasig.png', { role: 'text' });
    expect(await sk.find('Försök igen', { role: 'button' }), 'no "Försök igen" for the picture');
    await sk.screenshot(path.join(shots, 'dokumentation-picture-failed-large-1280.png'));
    await sk.click('Tillbaka till Portfolio', { role: 'button' });
  });

  await check('another family\'s guardian (demo.vh2) cannot reach Elsa\'s documentation by a deep link: a plain "Hittades inte"', async () => {
    await signOut(sk);
    await signIn(sk, 'demo.vh2');
    const reply = await api(sk, `/api/v1/pupils/${elsa.id}/documentation`);
    expect(reply.status === 404, `the API answers demo.vh2 ${reply.status} for Elsa's documentation`);
    const picture = await api(sk, elsaEntry.pictures[0].url);
    expect(picture.status === 404, `the API answers demo.vh2 ${picture.status} for Elsa's picture`);
    await sk.page.goto('about:blank');  // a fresh load of the deep link, as from a bookmark
    sk = await SkolnavPage.open(browser.context, `${url}/#/elev/${elsa.id}/dokumentation`);
    await sk.waitFor('Logga ut', { role: 'button' });
    await sk.waitIdle();
    const texts = await sk.texts();
    const elsas = elsaDoc.kinds.flatMap((k) => k.items.map((i) => i.title));
    for (const t of elsas) expect(!texts.includes(t), `demo.vh2 sees Elsa's "${t}"`);
    expect(!texts.some((t) => t.includes('Elsa')), `demo.vh2 sees Elsa's name: ${texts.filter((t) => t.includes('Elsa')).join(' | ')}`);
    expect(!(await sk.find('Portfolio (', { role: 'tab' })), 'a documentation view is open');
    const held = (await images(sk)).map((i) => i.url);
    for (const p of elsaEntry.pictures) expect(!held.includes(p.url), `demo.vh2's client fetched ${p.filename}`);
    expect(texts.includes('Hittades inte'), `no plain "Hittades inte": ${texts.join(' | ')}`);
    await shoot(sk, 'dokumentation-denied-1280.png');
    await sk.click('Till startsidan', { role: 'button' });
  });

  await check('gymnasium (Yusuf, demo.vh2): Portfolio and Anteckningar, as the API says', async () => {
    const me2 = (await api(sk, '/api/v1/me')).body;
    const yusuf = me2.pupils.find((p) => p.first_name === 'Yusuf');
    expect(yusuf && yusuf.boxes.includes('dokumentation'), 'Yusuf has no Dokumentation');
    const doc = (await api(sk, `/api/v1/pupils/${yusuf.id}/documentation`)).body;
    expect(JSON.stringify(doc.kinds.map((k) => k.kind)) === JSON.stringify(['portfolio', 'anteckningar']),
      `gymnasium's sections: ${doc.kinds.map((k) => k.kind)}`);
    await openDokumentation(sk, 'Yusuf', tabLabel(doc.kinds[0]));
    const tabs = (await sk.widgets()).filter((w) => w.role === 'tab' && / \(\d+\)$/.test(w.label)).map((w) => w.label);
    expect(JSON.stringify(tabs) === JSON.stringify(doc.kinds.map(tabLabel)), `tabs ${tabs.join(' | ')}`);
    for (const kind of doc.kinds) await checkSection(sk, doc, kind);
  });
} finally {
  await browser.close();
}
finish(sk);
