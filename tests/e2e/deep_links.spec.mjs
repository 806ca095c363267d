// Deep links and history end to end in a real browser: every item has its own address
// "#/elev/<pupil>/<box>/<item>" (the item_id a notification carries). Signed out, a news
// item's address shows the sign-in form and, after signing in, that article; an
// assignment, a blog post and a calendar event open by address; opening an item by
// clicking makes a history entry, so the browser's back goes to the list and then the
// start page, and forward comes back; a reload keeps the item. Another family's guardian
// gets the same plain "Hittades inte" for that item (through either child), for a
// made-up item and for a made-up child, and so does someone else signing in on a page
// whose session ran out. Screenshots: deep-link-*.png.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, password } = env;
requireEnv('guardian');
const otherGuardian = 'demo.vh2';  // another family: Amira and Yusuf

async function signedIn(user) {
  const c = await request.newContext({ baseURL: url });
  const r = await c.post('/api/v1/session', { data: { username: user, password } });
  expect(r.ok(), `${user} sign-in: ${r.status()}`);
  return c;
}
async function get(c, p) {
  const r = await c.get(p);
  return { status: r.status(), body: await r.json().catch(() => null) };
}
const hash = (sk) => sk.page.evaluate(() => decodeURI(location.hash));
const title = (sk) => sk.page.evaluate(() => document.title);
const shot = (sk, name) => sk.screenshot(path.join(shots, `deep-link-${name}.png`));

// What the API gives: Elsa's ids, an item of each kind, and an item of Elsa's that one
// of demo.vh2's children, who has the same box, does not have.
const vh = await signedIn(guardian), vh2 = await signedIn(otherGuardian);
const elsa = (await get(vh, '/api/v1/me')).body.pupils.find((p) => p.first_name === 'Elsa');
const vh2Me = (await get(vh2, '/api/v1/me')).body;
const amira = vh2Me.pupils.find((p) => p.first_name === 'Amira');
const otherName = vh2Me.name;
expect(elsa && amira, 'the demo has no Elsa (demo.vh) or Amira (demo.vh2)');
const pupilPath = (p, rest) => `/api/v1/pupils/${encodeURIComponent(p.id)}/${rest}`;
const news = (await get(vh, pupilPath(elsa, 'news'))).body.items;
const posts = (await get(vh, pupilPath(elsa, 'blog'))).body.posts;
const assignments = (await get(vh, pupilPath(elsa, 'assignments'))).body.assignments;
expect(news.length > 1 && posts.length > 0 && assignments.length > 0, 'the demo lacks news, posts or assignments for Elsa');
const article = news[news.length - 1];  // not the first card: the link must pick it
let hidden = null;  // Elsa's, not this child's of demo.vh2
search: for (const child of vh2Me.pupils) {
  for (const [box, list, rest] of [['information', news, 'news'], ['blogg', posts, 'blog'], ['uppgifter', assignments, 'assignments']]) {
    if (!(child.boxes || []).includes(box)) continue;
    for (const item of list) {
      if ((await get(vh2, pupilPath(child, `${rest}/${encodeURIComponent(item.id)}`))).status === 404) {
        hidden = { child, box, id: item.id };
        break search;
      }
    }
  }
}
expect(hidden, 'every news item, post and assignment of Elsa\'s reaches demo.vh2\'s children too');
const week = (await get(vh, pupilPath(elsa, 'calendar'))).body;
const event = (week.events || [])[0];

let browser = await launchBrowser();
let sk;
const elsaHash = `#/elev/${elsa.id}`;
try {
  await check('signed out, a news item\'s address shows the sign-in form, then that article', async () => {
    sk = await SkolnavPage.open(browser.context, `${url}/${elsaHash}/information/${article.id}`);
    await sk.waitFor('Logga in', { role: 'button' });
    expect(await hash(sk) === `${elsaHash}/information/${article.id}`, `the sign-in screen changed the address: ${await hash(sk)}`);
    await signIn(sk, guardian);
    await sk.waitFor('Tillbaka till nyheterna', { role: 'button' });
    await sk.waitFor(article.title, { role: 'text' });
    expect(!(await sk.find('Nyheter', { role: 'text' })), 'the news list is shown, not the article');
    expect(await hash(sk) === `${elsaHash}/information/${article.id}`, `address now ${await hash(sk)}`);
    expect((await title(sk)).startsWith('Information'), `title "${await title(sk)}"`);
    await shot(sk, 'news-after-sign-in');
  });

  await check('a reload keeps the article', async () => {
    await sk.reload();
    await sk.waitFor('Tillbaka till nyheterna', { role: 'button' });
    await sk.waitFor(article.title, { role: 'text' });
  });

  await check('an assignment and a blog post open by their addresses', async () => {
    const a = assignments[assignments.length - 1];
    await sk.page.goto(`${url}/${elsaHash}/uppgifter/${a.id}`);
    await sk.waitReady();
    await sk.waitFor('Tillbaka till uppgifterna', { role: 'button' });
    await sk.waitFor(a.title, { role: 'text' });
    const others = assignments.filter((x) => x.title !== a.title);
    if (others.length)
      expect(!(await sk.find(others[0].title, { role: 'link' })), 'the assignment list is shown, not the assignment');
    await shot(sk, 'assignment');
    const p = posts[posts.length - 1];
    await sk.page.goto(`${url}/${elsaHash}/blogg/${p.id}`);
    await sk.waitReady();
    await sk.waitFor('Tillbaka till inläggen', { role: 'button' });
    await sk.waitFor(p.title, { role: 'text' });
    await shot(sk, 'blog-post');
  });

  await check('a calendar event\'s address shows its week with the event open', async () => {
    expect(event, 'no event in Elsa\'s calendar this week');
    await sk.page.goto(`${url}/${elsaHash}/kalender/${event.id}`);
    await sk.waitReady();
    await sk.waitFor(event.title, { role: 'text' });
    await sk.waitFor(`Vecka ${Number(week.week.split('W')[1])}`, { role: 'text' });
    const open = event.description ? event.description.split('\n')[0] : 'Ingen beskrivning.';
    await sk.waitFor(open, { role: 'text' });
    await shot(sk, 'calendar-event');
  });

  await check('opening by clicking adds history: back to the list, back to the start page, forward again', async () => {
    await sk.page.goto(`${url}/${elsaHash}`);
    await sk.waitReady();
    await sk.click('Information', { role: 'link' });
    await sk.waitFor('Nyheter', { role: 'text' });
    const card = await sk.reveal(article.title, { role: 'link' });
    await sk.click(card);
    await sk.waitFor('Tillbaka till nyheterna', { role: 'button' });
    expect(await hash(sk) === `${elsaHash}/information/${article.id}`, `opened: address ${await hash(sk)}`);
    await sk.page.goBack();
    await sk.waitFor('Nyheter', { role: 'text' });
    expect(!(await sk.find('Tillbaka till nyheterna', { role: 'button' })), 'back: still the article');
    expect(await hash(sk) === `${elsaHash}/information`, `back: address ${await hash(sk)}`);
    await sk.page.goBack();
    await sk.waitFor('Information', { role: 'link' });
    expect(await hash(sk) === elsaHash, `back again: address ${await hash(sk)}`);
    await sk.page.goForward();
    await sk.waitFor('Nyheter', { role: 'text' });
    expect(await hash(sk) === `${elsaHash}/information`, `forward: address ${await hash(sk)}`);
    await sk.page.goForward();
    await sk.waitFor('Tillbaka till nyheterna', { role: 'button' });
    await sk.waitFor(article.title, { role: 'text' });
    // The view's own back button is a step too (a new entry, the list).
    await sk.click('Tillbaka till nyheterna', { role: 'button' });
    await sk.waitFor('Nyheter', { role: 'text' });
    expect(await hash(sk) === `${elsaHash}/information`, `"Tillbaka till nyheterna": address ${await hash(sk)}`);
    await sk.page.goBack();
    await sk.waitFor('Tillbaka till nyheterna', { role: 'button' });
  });

  await check('another family\'s item, a made-up item and a made-up child: the same "Hittades inte"', async () => {
    await signOut(sk);
    await signIn(sk, otherGuardian);
    const notFound = async (h) => {
      await sk.page.goto(`${url}/${h}`);
      await sk.waitReady();
      await sk.waitFor('Hittades inte', { role: 'text' });
      await sk.waitIdle({ quietMs: 400 });
      expect((await title(sk)).startsWith('Hittades inte'), `${h}: title "${await title(sk)}"`);
      return (await sk.texts()).filter((t) => t !== otherName);
    };
    const amiraHash = `#/elev/${amira.id}`;
    const never = await notFound('#/elev/finns-inte/information');
    const cases = {
      'Elsa\'s item through Elsa': await notFound(`${elsaHash}/${hidden.box}/${hidden.id}`),
      [`Elsa's item through ${hidden.child.first_name}`]: await notFound(`#/elev/${hidden.child.id}/${hidden.box}/${hidden.id}`),
      'a made-up news item': await notFound(`${amiraHash}/information/finns-inte`),
      'a made-up assignment': await notFound(`${amiraHash}/uppgifter/finns-inte`),
      'a made-up blog post': await notFound(`${amiraHash}/blogg/finns-inte`),
      'a made-up calendar event': await notFound(`${amiraHash}/kalender/finns-inte`),
      'an item in a box without items': await notFound(`${amiraHash}/schema/finns-inte`),
    };
    await shot(sk, 'not-found-other-family');
    for (const [name, texts] of Object.entries(cases)) {
      expect(JSON.stringify(texts) === JSON.stringify(never),
        `${name} differs from a made-up child:\n     ${texts.join(' | ')}\n     ${never.join(' | ')}`);
      expect(!texts.some((t) => t.includes('Elsa')), `${name}: Elsa named`);
    }
    // Amira's own item by address still works.
    const own = (await get(vh2, pupilPath(amira, 'news'))).body.items;
    if (own.length) {
      await sk.page.goto(`${url}/${amiraHash}/information/${own[0].id}`);
      await sk.waitReady();
      await sk.waitFor(own[0].title, { role: 'text' });
    }
  });

  await check('a session that ran out: someone else signing in on the old link gets "Hittades inte"', async () => {
    await signOut(sk);
    await signIn(sk, guardian);
    await sk.page.goto(`${url}/${elsaHash}/information/${article.id}`);
    await sk.waitReady();
    await sk.waitFor(article.title, { role: 'text' });
    await browser.context.clearCookies();  // the session is gone, the page still shows Elsa's article
    await sk.reload();
    await sk.waitFor('Logga in', { role: 'button' });
    expect(await hash(sk) === `${elsaHash}/information/${article.id}`, `address ${await hash(sk)}`);
    await signIn(sk, otherGuardian);
    await sk.waitFor('Hittades inte', { role: 'text' });
    expect(!(await sk.find(article.title, { role: 'text' })), 'the other family sees Elsa\'s article');
    await shot(sk, 'other-user-old-link');
    // Signing out by the button forgets the address: the next user starts at the start page.
    await signOut(sk);
    expect(await hash(sk) === '#/', `after signing out: address ${await hash(sk)}`);
    await signIn(sk, guardian);
    await sk.waitFor('Information', { role: 'link' });
  });
} finally {
  await vh.dispose();
  await vh2.dispose();
  await browser.close();
}
finish(sk);
