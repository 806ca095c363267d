// Text, pointer and touch behave like a web page (issue 11), in a real browser: a news
// article's text can be selected with the mouse (drag, double-click a word) and copied
// with Ctrl+C; "Kopiera texten" copies the whole item; a click elsewhere ends the
// selection; on a phone a finger held on a word selects it and "Kopiera" copies it.
// "Kopiera texten" lines its text up with the article's left edge (its frame reaches into
// the padding, as "Tillbaka" does), and tooltips look like the product: a rounded box on
// the surface colour with a thin border and padding around the text (at 1280 and 390 px).
// The clipboard is read back through the browser, so what a user would paste is checked.
//   SKOLNAV_URL  SKOLNAV_SHOTS  SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, pixelAt, requireEnv, signIn } from './spec_harness.mjs';

const { url, shots, guardian } = env;
requireEnv('guardian', 'pupil');
const child = 'Elsa';
let infoHash;  // Information for the child, by its address
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const clipboard = (sk) => sk.page.evaluate(() => navigator.clipboard.readText());
const setClipboard = (sk, text) => sk.page.evaluate((t) => navigator.clipboard.writeText(t), text);

// Signs in, opens Information for the child and its newest item with a body of at least
// two words; returns that item.
async function openArticle(sk) {
  await signIn(sk, guardian);
  const me = await apiGet(sk, '/api/v1/me');
  const pupil = (me.body.pupils || []).find((p) => p.first_name === child);
  expect(pupil, `${guardian} has no child called ${child}`);
  infoHash = `#/elev/${pupil.id}/information`;
  await sk.page.evaluate((h) => { window.location.hash = h; }, infoHash);
  const news = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupil.id)}/news`)).body.items;
  const item = news.find((n) => /\S+\s+\S+/.test(n.body || ''));
  expect(item, 'the demo has no news item with text');
  const card = await sk.waitFor(item.title, { role: 'link' });
  await sk.click(card);
  await sk.waitFor('Tillbaka till nyheterna', { role: 'button' });
  await sk.waitIdle();
  return item;
}

async function openArticleAgain(sk, it) {
  await sk.page.evaluate((h) => { window.location.hash = h; }, infoHash);
  await sk.click(await sk.reveal(it.title, { role: 'link' }));
  await sk.waitFor('Tillbaka till nyheterna', { role: 'button' });
  await sk.waitIdle();
  return it;
}

async function bodyWidget(sk, item) {
  const w = (await sk.widgets()).find((x) => x.role === 'text' && x.label === item.body);
  expect(w, 'the article text is not on screen');
  return w;
}

async function drag(sk, from, to) {
  await sk.page.mouse.move(from.x, from.y);
  await sk.page.mouse.down();
  await sk.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 });
  await sk.page.mouse.move(to.x, to.y, { steps: 3 });
  await sk.page.mouse.up();
  await sk.waitIdle();
}

const desk = await launchBrowser();
let sk, item;
try {
  await desk.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  sk = await SkolnavPage.open(desk.context, url, { viewport: { width: 1280, height: 800 } });

  await check('dragging over a whole article text and Ctrl+C copies exactly that text', async () => {
    item = await openArticle(sk);
    const w = await bodyWidget(sk, item);
    await setClipboard(sk, 'före');
    await drag(sk, { x: w.x + 1, y: w.y + 6 }, { x: w.x + w.w + 30, y: w.y + w.h - 4 });
    await sk.screenshot(path.join(shots, 'ui_text-selection.png'));
    await sk.press('Control+C');
    const copied = await clipboard(sk);
    expect(copied === item.body, `the clipboard has ${JSON.stringify(copied)}, the article ${JSON.stringify(item.body)}`);
  });

  await check('dragging over part of the first line copies that part only', async () => {
    const w = await bodyWidget(sk, item);
    await setClipboard(sk, 'före');
    await drag(sk, { x: w.x + 1, y: w.y + 6 }, { x: w.x + Math.min(w.w, 300) / 2, y: w.y + 6 });
    await sk.press('Control+C');
    const copied = await clipboard(sk);
    expect(copied.length > 0 && copied.length < item.body.length && item.body.startsWith(copied),
      `the clipboard has ${JSON.stringify(copied)}: not a beginning of the article's text`);
  });

  await check('a double-click selects the word under the pointer', async () => {
    const w = await bodyWidget(sk, item);
    const first = item.body.match(/^[\p{L}\p{N}_'-]+/u);
    expect(first, `the article starts with no word: ${item.body.slice(0, 20)}`);
    await setClipboard(sk, 'före');
    await sk.page.mouse.dblclick(w.x + 3, w.y + 6);
    await sk.waitIdle();
    await sk.press('Control+C');
    const copied = await clipboard(sk);
    expect(copied === first[0], `the clipboard has ${JSON.stringify(copied)}, the first word is "${first[0]}"`);
  });

  await check('a click outside the text ends the selection: Ctrl+C then copies nothing', async () => {
    const w = await bodyWidget(sk, item);
    await sk.page.mouse.dblclick(w.x + 3, w.y + 6);
    await sk.waitIdle();
    await sk.page.mouse.click(4, 790);
    await sk.waitIdle();
    await setClipboard(sk, 'orört');
    await sk.press('Control+C');
    expect(await clipboard(sk) === 'orört', 'Ctrl+C after a click elsewhere still copied the old selection');
  });

  await check('"Kopiera texten" copies the whole item: its title and its text', async () => {
    await setClipboard(sk, 'före');
    await sk.click('Kopiera texten', { role: 'button' });
    await sk.waitFor('Texten är kopierad', { role: 'button' });
    const copied = await clipboard(sk);
    expect(copied === `${item.title}\n\n${item.body}`, `the clipboard has ${JSON.stringify(copied)}`);
    await sk.page.mouse.move(4, 790);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'ui_text-article.png'));
  });

  await check('"Kopiera texten" lines its text up with the article text\'s left edge, as "Tillbaka" does with the title', async () => {
    const body = await bodyWidget(sk, item);
    const copy = await sk.find('Texten är kopierad', { role: 'button' }) || await sk.find('Kopiera texten', { role: 'button' });
    const back = await sk.find('Tillbaka', { role: 'button' });
    const title = await sk.find('Information', { role: 'text' });
    // A quiet button's text sits its padding inside its frame: the same inset for both.
    const inset = title.x - back.x;
    expect(inset > 4 && Math.abs((body.x - copy.x) - inset) <= 1,
      `"Kopiera texten" starts ${body.x - copy.x} px left of the text; "Tillbaka" ${inset} px left of the title`);
  });

  // The tooltip's text is at `t`; its box: 12 px padding to the left, a 1 px border, 8 px
  // rounded corners, on the surface colour (white in the light theme).
  async function expectThemedTooltip(t, where) {
    const near = (c, want, tol = 14) => c.every((v, i) => Math.abs(v - want[i]) <= tol);
    const y = Math.round(t.y + t.h / 2);
    const inside = await pixelAt(sk, Math.round(t.x) - 6, y);
    expect(near(inside, [255, 255, 255], 3), `${where}: the padding left of the text is ${inside}, not the surface colour`);
    const edge = [];
    for (let dx = 13; dx >= 10; dx--) edge.push(await pixelAt(sk, Math.round(t.x) - dx, y));
    expect(edge.some((c) => near(c, [222, 227, 234], 20) || (c[0] < 235 && c[0] > 150)),
      `${where}: no thin border 12 px left of the text (pixels ${edge.map((c) => `(${c})`).join(' ')})`);
    const corner = await pixelAt(sk, Math.round(t.x) - 12, Math.round(t.y) - 8);
    expect(!(corner[0] < 235 && corner[0] > 150), `${where}: the top-left corner is square (border colour ${corner} at the corner)`);
  }

  await check('a tooltip is a rounded, padded, bordered box on the surface colour (the settings cog\'s)', async () => {
    const cog = await sk.find('Inställningar', { role: 'button' });
    await sk.page.mouse.move(cog.x + cog.w / 2, cog.y + cog.h / 2);
    await sleep(1200);  // ImGui shows a tooltip after the pointer rests
    await sk.page.mouse.move(cog.x + cog.w / 2 + 1, cog.y + cog.h / 2);
    const t = await sk.waitFor('Inställningar', { role: 'text', timeout: 5000 });
    await sk.waitIdle();
    await expectThemedTooltip(t, '1280 px');
    await sk.screenshot(path.join(shots, 'ui_text-tooltip-1280.png'));
    await sk.page.setViewportSize({ width: 390, height: 844 });
    await sk.waitIdle();
    const cog2 = await sk.find('Inställningar', { role: 'button' });
    await sk.page.mouse.move(cog2.x + cog2.w / 2, cog2.y + cog2.h / 2);
    await sleep(1200);
    await sk.page.mouse.move(cog2.x + cog2.w / 2 + 1, cog2.y + cog2.h / 2);
    const t2 = await sk.waitFor('Inställningar', { role: 'text', timeout: 5000 });
    await sk.waitIdle();
    expect(t2.x + t2.w <= 390, `at 390 px the tooltip's text runs off the screen (x ${t2.x}, w ${t2.w})`);
    await expectThemedTooltip(t2, '390 px');
    await sk.screenshot(path.join(shots, 'ui_text-tooltip-390.png'));
    await sk.page.setViewportSize({ width: 1280, height: 800 });
    await sk.page.mouse.move(4, 790);
    await sk.waitIdle();
  });

  await check('the pointer is an I-beam over selectable text, a hand over buttons, an arrow elsewhere', async () => {
    const cursor = () => sk.page.evaluate(() => getComputedStyle(document.getElementById('canvas')).cursor);
    const w = await bodyWidget(sk, item);
    await sk.page.mouse.move(w.x + 10, w.y + 6);
    await sk.waitIdle();
    expect(await cursor() === 'text', `over the text the cursor is "${await cursor()}"`);
    const back = await sk.find('Tillbaka till nyheterna', { role: 'button' });
    await sk.page.mouse.move(back.x + back.w / 2, back.y + back.h / 2);
    await sk.waitIdle();
    expect(await cursor() === 'pointer', `over a button the cursor is "${await cursor()}"`);
    await sk.page.mouse.move(4, 790);
    await sk.waitIdle();
    expect(await cursor() === 'default', `over nothing the cursor is "${await cursor()}"`);
  });

  await check('Escape goes back from the article to the list, and from the box to the start page', async () => {
    await sk.press('Escape');
    await sk.waitGone('Tillbaka till nyheterna', { role: 'button' });
    await sk.waitFor(item.title, { role: 'link' });
    await sk.press('Escape');
    await sk.waitFor('Information', { role: 'link' });
    expect(!(await sk.find('Nyheter', { role: 'text' })), 'Escape did not leave Information');
  });

  await check('Notiser has "Tillbaka" like every other view, and Escape works there too', async () => {
    await sk.page.evaluate(() => { window.location.hash = '#/notiser'; });
    await sk.waitFor('Notiser', { role: 'text' });
    await sk.click('Tillbaka', { role: 'button' });
    await sk.waitGone('Markera alla som lästa', { role: 'button', timeout: 3000 }).catch(() => {});
    await sk.waitFor('Information', { role: 'link' });
    await sk.page.evaluate(() => { window.location.hash = '#/notiser'; });
    await sk.waitFor('Tillbaka', { role: 'button' });
    await sk.press('Escape');
    await sk.waitFor('Information', { role: 'link' });
  });

  await check('the header stays at the top while the page scrolls; the column keeps its place', async () => {
    await sk.page.evaluate((h) => { window.location.hash = h; }, infoHash);
    await sk.waitFor(item.title, { role: 'link' });
    await sk.page.setViewportSize({ width: 1280, height: 420 });
    await sk.waitIdle();
    const before = await sk.find('Logga ut', { role: 'button' });
    const cards = async () => (await sk.widgets()).filter((x) => x.role === 'link' && x.w > 300);
    const c0 = (await cards())[0];
    await sk.page.mouse.move(640, 300);
    await sk.page.mouse.wheel(0, 400);
    await sk.waitIdle();
    const after = await sk.find('Logga ut', { role: 'button' });
    expect(after && after.y === before.y && after.x === before.x, `"Logga ut" moved from ${before.x},${before.y} to ${after && `${after.x},${after.y}`}`);
    const c1 = (await cards()).find((c) => c.label === c0.label) || (await cards())[0];
    expect(c1 && c0 && c1.x === c0.x && c1.w === c0.w, 'a card moved sideways');
    const scrolled = c1.label !== c0.label || c1.y < c0.y;
    expect(scrolled, 'the list did not scroll (too short to test the header)');
    // Same margins left and right although the page has a scrollbar.
    expect(Math.abs(c1.x - (1280 - c1.x - c1.w)) <= 1, `margins ${c1.x} and ${1280 - c1.x - c1.w}`);
    await sk.screenshot(path.join(shots, 'ui_text-scrolled-header.png'));
    await sk.page.mouse.wheel(0, -2000);
    await sk.page.setViewportSize({ width: 1280, height: 800 });
    await sk.waitIdle();
  });

  await check('selecting text draws no frames once the pointer rests', async () => {
    item = await openArticleAgain(sk, item);
    const w = await bodyWidget(sk, item);
    await drag(sk, { x: w.x + 1, y: w.y + 6 }, { x: w.x + 120, y: w.y + 6 });
    const frames = await sk.framesWhileIdle(2000);
    expect(frames === 0, `${frames} frames in 2 idle seconds`);
  });
} finally {
  await desk.close();
}

// On a phone: a finger held on a word selects it, "Kopiera" beside it copies it; a quick
// swipe over the text still scrolls.
const phone = await launchBrowser({ hasTouch: true });
try {
  await phone.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  await check('on a phone (390 px) a long press on a word selects it and "Kopiera" copies it', async () => {
    sk = await SkolnavPage.open(phone.context, url, { viewport: { width: 390, height: 844 } });
    item = await openArticle(sk);
    const w = await bodyWidget(sk, item);
    const first = item.body.match(/^[\p{L}\p{N}_'-]+/u)[0];
    await setClipboard(sk, 'före');
    const cdp = await sk.page.context().newCDPSession(sk.page);
    const point = { x: w.x + 4, y: w.y + 8 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await sleep(900);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await sk.waitIdle();
    // The menu's "Kopiera" is the one beside the word (a link's address has its own further down).
    const near = async () => (await sk.widgets()).find((x) => x.role === 'button' && x.label === 'Kopiera' &&
      x.y > w.y - 120 && x.y < w.y + 60);
    const menu = await near();
    expect(menu, 'no "Kopiera" beside the held word');
    await sk.screenshot(path.join(shots, 'ui_text-selection-390.png'));
    await sk.tap(menu);
    const copied = await clipboard(sk);
    expect(copied === first, `the clipboard has ${JSON.stringify(copied)}, the word held is "${first}"`);
    const left = await near();
    expect(!left, 'the "Kopiera" menu stayed after copying');
  });

  await check('on a phone a short tap on the text selects nothing', async () => {
    const w = await bodyWidget(sk, item);
    await sk.page.touchscreen.tap(w.x + 4, w.y + 8);
    await sk.waitIdle();
    await sleep(700);
    await sk.waitIdle();
    const menu = (await sk.widgets()).find((x) => x.role === 'button' && x.label === 'Kopiera' && x.y < w.y + 60);
    expect(!menu, 'a short tap opened the "Kopiera" menu');
    await sk.screenshot(path.join(shots, 'ui_text-article-390.png'));
  });

  await check('on a phone the list has equal margins left and right (no empty scrollbar track)', async () => {
    await sk.page.evaluate((h) => { window.location.hash = h; }, infoHash);
    await sk.waitFor(item.title, { role: 'link' });
    await sk.waitIdle();
    const card = (await sk.widgets()).find((x) => x.role === 'link' && x.label === item.title);
    const right = 390 - card.x - card.w;
    expect(Math.abs(card.x - right) <= 1, `margins ${card.x} (left) and ${right} (right)`);
    await sk.screenshot(path.join(shots, 'ui_text-list-390.png'));
  });
} finally {
  await phone.close();
}

// Writing longer text: the comment field wraps as the pupil types and grows with the
// text; what is sent is exactly what was typed (no line breaks where it wrapped).
const writer = await launchBrowser();
try {
  await check('a long blog comment wraps and grows as it is typed, and is sent exactly as typed', async () => {
    sk = await SkolnavPage.open(writer.context, url, { viewport: { width: 700, height: 800 } });
    await signIn(sk, env.pupil);
    const me = await apiGet(sk, '/api/v1/me');
    const p = (me.body.pupils || []).find((x) => x.first_name === child);
    const posts = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(p.id)}/blog`)).body.posts;
    await sk.page.evaluate((h) => { window.location.hash = h; }, `#/elev/${p.id}/blogg`);
    await sk.click(await sk.reveal(posts[0].title, { role: 'link' }));
    await sk.waitFor('Kommentarer (', { role: 'text' });
    await sk.reveal('Skicka kommentar', { role: 'button' });
    const field0 = await sk.find('Din kommentar', { role: 'input' });
    const words = 'Det här är en lång kommentar som ska radbrytas medan man skriver, precis som på en vanlig webbsida åäö';
    const text = `${words} ${words} ${words} ${words} ${Date.now() % 1000}`;
    // Pasted in one go (typing 400 characters is slow on a busy machine); it is edited
    // text all the same: the field wraps it on the way in.
    await sk.click('Din kommentar', { role: 'input' });
    await sk.page.waitForFunction(() => window.skolnav.textFocused(), null, { timeout: 5000 });
    await sk.page.keyboard.insertText(text);
    await sk.waitIdle();
    const field1 = await sk.find('Din kommentar', { role: 'input' });
    expect(field1.h > field0.h + 10, `the field did not grow: ${field0.h} → ${field1.h} px`);
    expect(field1.w === field0.w, 'the field got wider instead of wrapping');
    await sk.screenshot(path.join(shots, 'ui_text-textarea.png'));
    await sk.click(await sk.reveal('Skicka kommentar', { role: 'button' }));
    await sk.waitFor(text, { role: 'text' });
    const post = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(p.id)}/blog/${encodeURIComponent(posts[0].id)}`)).body.post;
    expect(post.comments.some((c) => c.body === text), 'the API has no comment with exactly the typed text');
  });
} finally {
  await writer.close();
}
finish(sk);
