// Information end to end in a real browser against a running Skolnav server: a
// guardian opens Information for Elsa and sees the news the API gives them (newest
// first, date and author on each, "Oläst" on exactly the unread ones), opens the first
// item (title, author, the whole text, its links), which marks it read on the server,
// and returns to the list with "Tillbaka till nyheterna"; the list also fits a phone.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, pupil, password } = env;
requireEnv('guardian');
const child = 'Elsa';

const api = apiGet;  // { status, body } as the signed-in page sees it

// On-screen texts with exactly one of `labels`, top to bottom.
async function textsAmong(sk, labels) {
  const wanted = new Set(labels);
  const all = (await sk.widgets()).filter((w) => w.role === 'text' && wanted.has(w.label));
  all.sort((a, b) => a.y - b.y);
  return all;
}

async function unreadMarks(sk) {
  return (await sk.widgets()).filter((w) => w.role === 'text' && w.label === 'Oläst');
}

const browser = await launchBrowser();
let sk, pupilId, news, first;
try {
  await check(`guardian opens Information for ${child} and sees the API's news, newest first`, async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await signIn(sk, guardian);
    const me = await api(sk, '/api/v1/me');
    const pupil = (me.body.pupils || []).find((p) => p.first_name === child);
    expect(pupil, `${guardian} has no child called ${child}`);
    pupilId = pupil.id;
    if (await sk.find(child, { role: 'tab' })) await sk.click(child, { role: 'tab' });
    await sk.click('Information', { role: 'link' });
    await sk.waitFor('Nyheter', { role: 'text' });
    const reply = await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/news`);
    expect(reply.status === 200, `GET news answered ${reply.status}`);
    news = reply.body.items;
    expect(news.length > 0, `the demo has no news for ${child}`);
    const titles = news.map((n) => n.title);
    await sk.waitFor(titles[0], { role: 'text' });
    const shown = (await textsAmong(sk, titles)).map((w) => w.label);
    expect(JSON.stringify(shown) === JSON.stringify(titles),
      `titles on screen:\n       ${shown.join(' | ')}\n     the API's, newest first:\n       ${titles.join(' | ')}`);
    for (let i = 1; i < news.length; i++)
      expect(news[i - 1].published_at >= news[i].published_at, 'the API itself is not newest first');
    // The card of the first item is a link named by its title.
    expect(await sk.find(titles[0], { role: 'link' }), `no link "${titles[0]}"`);
  });

  await check('each item shows its date in Swedish and who published it', async () => {
    const texts = await sk.texts();
    const months = ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'];
    for (const n of news) {
      const iso = n.published_at;
      const day = `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} kl. ${iso.slice(11, 16)}`;
      const line = texts.find((t) => t.includes(day) && t.includes(n.author.name));
      expect(line, `no "… ${day} · ${n.author.name}" for "${n.title}"; texts: ${texts.join(' | ')}`);
    }
  });

  await check('exactly the unread items carry "Oläst", as the API says', async () => {
    const unread = news.filter((n) => !n.read).length;
    const marks = await unreadMarks(sk);
    expect(marks.length === unread, `${marks.length} "Oläst" on screen, the API has ${unread} unread`);
    // Each mark is on the card of an unread item: at the height of its title.
    const titles = await textsAmong(sk, news.map((n) => n.title));
    for (const m of marks) {
      const row = titles.reduce((best, t) => (Math.abs(t.y - m.y) < Math.abs(best.y - m.y) ? t : best));
      const item = news.find((n) => n.title === row.label);
      expect(item && !item.read, `"Oläst" beside "${row.label}", which the API says is read`);
    }
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'information.png'));
  });

  await check('opening the first item shows the article: title, author, the whole text, its links', async () => {
    first = news[0];
    await sk.click(first.title, { role: 'link' });
    await sk.waitFor('Tillbaka till nyheterna', { role: 'button' });
    await sk.waitIdle();
    const texts = await sk.texts();
    expect(texts.includes(first.title), `title "${first.title}" not shown`);
    expect(first.body && texts.includes(first.body), `body not shown; texts: ${texts.join(' | ')}`);
    expect(texts.some((t) => t.startsWith('Publicerad ') && t.includes(first.author.name)),
      `no "Publicerad … av ${first.author.name}"`);
    for (const l of first.links || []) {
      expect(texts.includes(l.title), `link title "${l.title}" not shown`);
      expect(texts.includes(l.url), `link address ${l.url} not shown`);
    }
    // Each link opens in a new tab, and its address has a copy button that says when it has copied.
    const links = (first.links || []).length;
    const opens = await sk.findAll('Öppna länken', { role: 'button' });
    expect(opens.length === links, `${opens.length} "Öppna länken" buttons for ${links} links`);
    // (Each address's "Kopiera"; "Kopiera texten" copies the article itself.)
    const copies = (await sk.findAll('Kopiera', { role: 'button' })).filter((w) => w.label === 'Kopiera');
    expect(copies.length === links, `${copies.length} "Kopiera" buttons for ${links} links`);
    if (copies.length) {
      await sk.click(copies[0]);
      await sk.waitFor('Kopierad', { role: 'button' });
    }
    // The other items are not on screen in the article.
    for (const n of news.slice(1))
      if (n.title !== first.title) expect(!texts.includes(n.title), `"${n.title}" still on screen in the article`);
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'information-article.png'));
  });

  await check('opening it marked it read on the server', async () => {
    const reply = await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/news`);
    const now = reply.body.items.find((n) => n.id === first.id);
    expect(now && now.read === true, `the API still says "${first.title}" is unread`);
    expect(reply.body.unread === news.filter((n) => !n.read && n.id !== first.id).length,
      `unread ${reply.body.unread} after opening one`);
    news = reply.body.items;
  });

  await check('the article draws no frames while idle (3 s)', async () => {
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('"Tillbaka till nyheterna" returns to the list, now without "Oläst" on the opened item', async () => {
    await sk.click('Tillbaka till nyheterna', { role: 'button' });
    await sk.waitFor(first.title, { role: 'link' });
    expect(!(await sk.find('Tillbaka till nyheterna', { role: 'button' })), 'still in the article');
    const marks = await unreadMarks(sk);
    const unread = news.filter((n) => !n.read).length;
    expect(marks.length === unread, `${marks.length} "Oläst" on screen, the API now has ${unread}`);
    const firstTitle = (await textsAmong(sk, [first.title]))[0];
    expect(!marks.some((m) => Math.abs(m.y - firstTitle.y) < 12), `"${first.title}" is still marked "Oläst"`);
  });

  await check('a file the school attaches is listed by name and size and opens in a new tab', async () => {
    // The school's admin uploads a PDF and publishes it to the whole school, through the API.
    const me = (await api(sk, '/api/v1/me')).body;
    const school = me.pupils.find((p) => p.id === pupilId).school.id;
    const admin = await request.newContext({ baseURL: url });
    expect((await admin.post('/api/v1/session', { data: { username: 'demo.admin', password } })).ok(), 'admin sign-in failed');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const up = await admin.post('/api/v1/attachments?filename=Luciaprogram.pdf',
      { data: pdf, headers: { 'Content-Type': 'application/pdf' } });
    expect(up.status() === 201, `upload: ${up.status()} ${await up.text()}`);
    const file = (await up.json()).attachment;
    const title = `Program för luciafirandet ${Date.now() % 100000}`;
    const published = await admin.post(`/api/v1/schools/${school}/news`,
      { data: { title, body: 'Programmet finns som bifogad fil.', attachment_ids: [file.id] } });
    expect(published.status() === 201, `publish: ${published.status()} ${await published.text()}`);
    await admin.dispose();

    await sk.reload();
    await sk.click(title, { role: 'link' });
    await sk.waitFor('Luciaprogram.pdf', { role: 'text' });
    const texts = await sk.texts();
    expect(texts.some((t) => / byte$| kB$/.test(t)), `no file size shown: ${texts.join(' | ')}`);
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'information-file.png'));
    // "Öppna" asks the browser for the file (a PDF is downloaded, so the tab may close at once).
    const wanted = `/api/v1/attachments/${file.id}`;
    const [asked] = await Promise.all([
      sk.page.context().waitForEvent('request', { predicate: (r) => r.url().endsWith(wanted), timeout: 10000 }),
      sk.click('Öppna', { role: 'button' })]);
    expect(asked.method() === 'GET', `${asked.method()} ${asked.url()}`);
    const download = await api(sk, wanted);
    expect(download.status === 200, `the guardian gets ${download.status} for the file`);
    await sk.click('Tillbaka till nyheterna', { role: 'button' });
    await sk.waitFor(title, { role: 'link' });
  });

  await check('on a phone (360 px) the list fits the screen', async () => {
    sk = await SkolnavPage.open(browser.context, `${url}/#/elev/${pupilId}/information`,
      { viewport: { width: 360, height: 780 } });
    await sk.waitFor(news[0].title, { role: 'link' });
    const titles = await textsAmong(sk, news.map((n) => n.title));
    expect(titles.length === news.length, `${titles.length} of ${news.length} titles on the phone`);
    for (const w of [...titles, ...(await sk.findAll('', { role: 'link' }))])
      expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `"${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    await sk.page.mouse.move(5, 775);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'information-phone.png'));
    await sk.click(news[0].title, { role: 'link' });
    await sk.waitFor('Tillbaka till nyheterna', { role: 'button' });
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'information-article-phone.png'));
  });

} finally {
  await browser.close();
}
finish(sk);
