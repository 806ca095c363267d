// Blogg end to end in a real browser against a running Skolnav server: the pupil Elsa
// opens Blogg and sees the API's posts newest first (date in Swedish, author, number of
// comments), opens the first post (the whole text and the API's comments), is told in
// words when she sends an empty comment, writes a comment with å ä ö, sees it on screen
// and in the API, deletes it (after confirming) and it is gone from both; a guardian
// opens the same post and gets no comment form; a file attached to a post is listed by
// name and size with "Öppna"; the list fits a phone.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, pupil, password } = env;
requireEnv('guardian', 'pupil');
const child = 'Elsa';
const api = apiGet;
const months = ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'];
const countText = (n) => (n === 0 ? 'Inga kommentarer' : n === 1 ? '1 kommentar' : `${n} kommentarer`);

// On-screen texts with exactly one of `labels`, top to bottom.
async function textsAmong(sk, labels) {
  const wanted = new Set(labels);
  const all = (await sk.widgets()).filter((w) => w.role === 'text' && wanted.has(w.label));
  all.sort((a, b) => a.y - b.y);
  return all;
}

// Opens Blogg for Elsa from the start page.
async function openBlogg(sk) {
  if (await sk.find(child, { role: 'tab' })) await sk.click(child, { role: 'tab' });
  await sk.click(await sk.reveal('Blogg', { role: 'link' }));
  await sk.waitFor('Inlägg', { role: 'text' });
}

async function openPost(sk, title) {
  await sk.click(await sk.reveal(title, { role: 'link' }));
  await sk.waitFor('Tillbaka till inläggen', { role: 'button' });
  await sk.waitFor('Kommentarer (', { role: 'text' });
  await sk.waitIdle();
}

// The button labelled `label` closest below the text `text`.
async function buttonBelow(sk, text, label) {
  const t = await sk.find(text, { role: 'text' });
  if (!t) return null;
  const buttons = (await sk.findAll(label, { role: 'button' })).filter((b) => b.y >= t.y);
  buttons.sort((a, b) => a.y - b.y);
  return buttons[0] || null;
}

const postPath = (pupilId, postId) =>
  `/api/v1/pupils/${encodeURIComponent(pupilId)}/blog/${encodeURIComponent(postId)}`;

const comment = `Tack, det var roligt att läsa! åäö ÅÄÖ ${Date.now() % 100000}`;
const browser = await launchBrowser();
let sk, pupilId, posts, first;
try {
  await check(`the pupil opens Blogg and sees the API's posts, newest first`, async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await signIn(sk, pupil);
    const me = await api(sk, '/api/v1/me');
    const p = (me.body.pupils || []).find((x) => x.first_name === child);
    expect(p, `${pupil} has no pupil called ${child}`);
    pupilId = p.id;
    await openBlogg(sk);
    const reply = await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/blog`);
    expect(reply.status === 200, `GET blog answered ${reply.status}`);
    expect(reply.body.can_comment === true, 'the API does not let the pupil comment');
    posts = reply.body.posts;
    expect(posts.length > 0, `the demo has no blog posts for ${child}`);
    for (let i = 1; i < posts.length; i++)
      expect(posts[i - 1].published_at >= posts[i].published_at, 'the API itself is not newest first');
    const titles = posts.map((x) => x.title);
    await sk.waitFor(titles[0], { role: 'link' });
    const shown = (await textsAmong(sk, titles)).map((w) => w.label);
    expect(JSON.stringify(shown) === JSON.stringify(titles),
      `titles on screen:\n       ${shown.join(' | ')}\n     the API's, newest first:\n       ${titles.join(' | ')}`);
  });

  await check('each post shows its date in Swedish, its author, the start of its text and its number of comments', async () => {
    const texts = await sk.texts();
    for (const x of posts) {
      const iso = x.published_at;
      const day = `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} kl. ${iso.slice(11, 16)}`;
      expect(texts.find((t) => t.includes(day) && t.includes(x.author.name)),
        `no "… ${day} · ${x.author.name}" for "${x.title}"; texts: ${texts.join(' | ')}`);
      const start = x.body.replace(/\s+/g, ' ').trim().slice(0, 20);
      expect(texts.some((t) => t.startsWith(start)), `no excerpt starting "${start}" for "${x.title}"`);
    }
    // The comment counts, top to bottom, are the API's.
    const counts = texts.filter((t) => /(Inga kommentarer|\d+ kommentar(er)?)$/.test(t)).map((t) => t.replace(/^[^\wI]*/u, '').trim());
    const wanted = posts.map((x) => countText(x.comment_count));
    expect(JSON.stringify(counts) === JSON.stringify(wanted),
      `comment counts on screen: ${counts.join(' | ')}; the API's: ${wanted.join(' | ')}`);
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'blogg.png'));
  });

  await check('opening the first post shows the whole text and the API\'s comments', async () => {
    first = posts[0];
    await openPost(sk, first.title);
    const reply = await api(sk, postPath(pupilId, first.id));
    expect(reply.status === 200, `GET post answered ${reply.status}`);
    const post = reply.body.post;
    const texts = await sk.texts();
    expect(texts.includes(first.title), `title "${first.title}" not shown`);
    expect(post.body && texts.includes(post.body), `the whole text is not shown; texts: ${texts.join(' | ')}`);
    expect(texts.some((t) => t.startsWith('Publicerad ') && t.includes(post.author.name)),
      `no "Publicerad … av ${post.author.name}"`);
    expect(texts.includes(`Kommentarer (${post.comments.length})`), `no "Kommentarer (${post.comments.length})"`);
    for (const c of post.comments) {
      expect(texts.includes(c.body), `comment "${c.body}" not shown`);
      expect(texts.includes(c.author.name), `comment author ${c.author.name} not shown`);
    }
    for (const x of posts.slice(1))
      if (x.title !== first.title) expect(!texts.includes(x.title), `"${x.title}" still on screen in the post`);
    // Below the comments: the form (scrolled to where it is).
    await sk.reveal('Skicka kommentar', { role: 'button' });
    expect(await sk.find('Din kommentar', { role: 'input' }), 'no comment field for the pupil');
  });

  await check('an empty comment is refused in plain words under the form', async () => {
    await sk.click(await sk.reveal('Skicka kommentar', { role: 'button' }));
    await sk.waitFor('Skriv något i kommentaren', { role: 'text' });
  });

  await check('the pupil writes a comment with å ä ö: it appears on screen and in the API', async () => {
    await sk.type('Din kommentar', comment);
    await sk.click(await sk.reveal('Skicka kommentar', { role: 'button' }));
    await sk.waitFor(comment, { role: 'text' });
    const texts = await sk.texts();
    expect(!texts.some((t) => t.startsWith('Skriv något')), 'the old error is still shown');
    const post = (await api(sk, postPath(pupilId, first.id))).body.post;
    const mine = post.comments.find((c) => c.body === comment);
    expect(mine, `the API has no comment "${comment}"`);
    expect(mine.can_delete === true, 'the API does not let the pupil delete her own comment');
    expect(texts.includes(`Kommentarer (${post.comments.length})`), `the heading does not say ${post.comments.length}`);
    // Scrolled to the end: the comments, the form and the word that it was sent.
    await sk.page.mouse.move(640, 400);
    await sk.page.mouse.wheel(0, 2000);
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'blogg-post.png'));
  });

  await check('she deletes it after confirming, and it is gone on screen and in the API', async () => {
    await sk.reveal(comment, { role: 'text' });
    let del = await buttonBelow(sk, comment, 'Ta bort');
    if (!del) { await sk.page.mouse.wheel(0, 150); await sk.waitIdle(); del = await buttonBelow(sk, comment, 'Ta bort'); }
    expect(del, `no "Ta bort" at the comment`);
    await sk.click(del);
    const yes = await sk.reveal('Ja, ta bort', { role: 'button' });
    expect(await sk.find(comment, { role: 'text' }), 'the comment went before confirming');
    await sk.click(yes);
    await sk.waitGone(comment, { role: 'text' });
    const post = (await api(sk, postPath(pupilId, first.id))).body.post;
    expect(!post.comments.some((c) => c.body === comment), 'the API still has the comment');
  });

  await check('"Tillbaka till inläggen" returns to the list with the API\'s comment counts', async () => {
    await sk.click(await sk.reveal('Tillbaka till inläggen', { role: 'button' }));
    await sk.waitFor(first.title, { role: 'link' });
    expect(!(await sk.find('Tillbaka till inläggen', { role: 'button' })), 'still in the post');
    const now = (await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/blog`)).body.posts;
    const texts = await sk.texts();
    expect(texts.some((t) => t.endsWith(countText(now[0].comment_count))), `no "${countText(now[0].comment_count)}"`);
    await signOut(sk);
  });

  await check('a guardian reads the same post and its comments but gets no comment form', async () => {
    await signIn(sk, guardian);
    await openBlogg(sk);
    await openPost(sk, first.title);
    const post = (await api(sk, postPath(pupilId, first.id))).body.post;
    expect(post.can_comment === false, 'the API lets the guardian comment');
    const texts = await sk.texts();
    expect(texts.includes(post.body), 'the guardian does not see the text');
    for (const c of post.comments) expect(texts.includes(c.body), `comment "${c.body}" not shown to the guardian`);
    expect(!(await sk.find('Din kommentar', { role: 'input' })), 'the guardian gets a comment field');
    expect(!(await sk.find('Skicka kommentar', { role: 'button' })), 'the guardian gets "Skicka kommentar"');
    expect(!(await sk.find('Ta bort', { role: 'button' })), 'the guardian gets "Ta bort"');
    expect(texts.some((t) => t.startsWith('Bara eleven själv kan kommentera')), 'no word on why there is no form');
  });

  await check('a file attached to a post is listed by name and size with "Öppna"', async () => {
    const me = (await api(sk, '/api/v1/me')).body;
    const school = me.pupils.find((p) => p.id === pupilId).school.id;
    const admin = await request.newContext({ baseURL: url });
    expect((await admin.post('/api/v1/session', { data: { username: 'demo.admin', password } })).ok(), 'admin sign-in failed');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const up = await admin.post('/api/v1/attachments?filename=Utflyktsbilder.pdf',
      { data: pdf, headers: { 'Content-Type': 'application/pdf' } });
    expect(up.status() === 201, `upload: ${up.status()} ${await up.text()}`);
    const file = (await up.json()).attachment;
    const title = `Bilder från utflykten ${Date.now() % 100000}`;
    const published = await admin.post(`/api/v1/schools/${school}/blog`,
      { data: { title, body: 'Bilderna finns som bifogad fil.', attachment_ids: [file.id] } });
    expect(published.status() === 201, `publish: ${published.status()} ${await published.text()}`);
    await admin.dispose();

    // A reload keeps the open post (its address): back at the list first, then reload.
    await sk.click('Tillbaka till inläggen', { role: 'button' });
    await sk.reload();
    await openPost(sk, title);
    await sk.waitFor('Utflyktsbilder.pdf', { role: 'text' });
    const texts = await sk.texts();
    expect(texts.some((t) => / byte$| kB$/.test(t)), `no file size shown: ${texts.join(' | ')}`);
    const wanted = `/api/v1/attachments/${file.id}`;
    const [asked] = await Promise.all([
      sk.page.context().waitForEvent('request', { predicate: (r) => r.url().endsWith(wanted), timeout: 10000 }),
      sk.reveal('Öppna', { role: 'button' }).then((w) => sk.click(w))]);
    expect(asked.method() === 'GET', `${asked.method()} ${asked.url()}`);
    // The file opened in a new tab: close it, back to Skolnav's tab.
    for (const other of sk.page.context().pages()) if (other !== sk.page) await other.close().catch(() => {});
    await sk.page.bringToFront();
    await sk.click(await sk.reveal('Tillbaka till inläggen', { role: 'button' }));
    await sk.waitFor(title, { role: 'link' });
    await signOut(sk);
  });

  await check('on a phone (360 px) the list fits the screen', async () => {
    await signIn(sk, pupil);
    await sk.page.setViewportSize({ width: 360, height: 780 });
    await sk.waitIdle();
    await openBlogg(sk);
    const now = (await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/blog`)).body.posts;
    await sk.waitFor(now[0].title, { role: 'link' });
    const all = await sk.widgets();
    for (const w of all.filter((x) => x.role === 'text' || x.role === 'link' || x.role === 'button'))
      expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `"${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    await sk.page.mouse.move(5, 775);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'blogg-phone.png'));
    await openPost(sk, now[0].title);
    await sk.screenshot(path.join(shots, 'blogg-post-phone.png'));
  });
} finally {
  await browser.close();
}
finish(sk);
