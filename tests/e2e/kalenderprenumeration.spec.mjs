// Kalenderprenumeration in a real browser: a guardian makes a link for all children on
// the settings page; the address shown is the page's origin and the API's path, "Kopiera
// länk" puts it on the clipboard, and fetched without any session it is a VCALENDAR
// with both children's items; a second link for Olle alone holds nothing of Elsa's; the
// list shows both (who, when); "Ta bort" revokes a link and its address answers 404
// while the other keeps working; the section fits a phone.
//   SKOLNAV_URL  SKOLNAV_SHOTS  SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD
import path from 'node:path';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn } from './spec_harness.mjs';

const { url, shots, guardian } = env;
requireEnv('guardian');

const feedPrefix = `${url}/api/v1/calendar-feeds/`;
async function shownLink(sk) {
  const w = (await sk.widgets()).find((x) => x.role === 'text' && x.label.startsWith(feedPrefix));
  return w ? w.label : null;
}
async function fetchFeed(link) {
  const r = await fetch(link);  // from Node: no cookie, no session
  return { status: r.status, text: await r.text() };
}
const byY = (a, b) => a.y - b.y;

const browser = await launchBrowser();
let sk;
let allLink, olleLink;
try {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  sk = await SkolnavPage.open(browser.context, url, { viewport: { width: 1280, height: 900 } });

  await check('the settings page offers calendar links; none yet', async () => {
    await signIn(sk, guardian);
    await sk.click('Inställningar', { role: 'button' });
    await sk.reveal('Kalenderprenumeration', { role: 'text' });
    await sk.reveal('Du har inga prenumerationslänkar.', { role: 'text' });
    expect((await sk.find('Alla barn', { role: 'radio' })).checked, '"Alla barn" is not the default');
    expect(await sk.find('Olle', { role: 'radio' }), 'no choice of Olle');
  });

  await check('"Skapa länk" shows the full address once; "Kopiera länk" copies it', async () => {
    await sk.click('Skapa länk', { role: 'button' });
    await sk.waitFor('Länken är skapad. Kopiera den nu: den visas bara en gång.', { role: 'text' });
    allLink = await shownLink(sk);
    expect(allLink && /\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}\/skolnav\.ics$/.test(allLink), `link shown: ${allLink}`);
    const listed = (await apiGet(sk, '/api/v1/calendar-feeds')).body.feeds;
    expect(listed.length === 1 && listed[0].pupil === null, `the API lists ${JSON.stringify(listed)}`);
    await sk.click('Kopiera länk', { role: 'button' });
    await sk.waitFor('Kopierad.', { role: 'text' });
    const copied = await sk.page.evaluate(() => navigator.clipboard.readText());
    expect(copied === allLink, `the clipboard has "${copied}"`);
    await sk.reveal('Dina länkar', { role: 'text' });
    await sk.screenshot(path.join(shots, 'kalenderprenumeration-1280.png'));
  });

  await check('the address, without a session, is a VCALENDAR with both children\'s items', async () => {
    const feed = await fetchFeed(allLink);
    expect(feed.status === 200, `status ${feed.status}`);
    expect(feed.text.startsWith('BEGIN:VCALENDAR\r\n'), `begins ${feed.text.slice(0, 40)}`);
    expect(feed.text.includes('BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n'), 'no VTIMEZONE');
    expect(feed.text.includes('\r\nSUMMARY:Elsa: '), 'nothing of Elsa\'s');
    expect(feed.text.includes('\r\nSUMMARY:Olle: '), 'nothing of Olle\'s');
  });

  await check('a link for Olle alone: listed with his name, nothing of Elsa\'s in it', async () => {
    await sk.click(await sk.reveal('Olle', { role: 'radio' }));
    await sk.click(await sk.reveal('Skapa länk', { role: 'button' }));
    await sk.waitFor('Länken är skapad. Kopiera den nu: den visas bara en gång.', { role: 'text' });
    olleLink = await shownLink(sk);
    expect(olleLink && olleLink !== allLink, `second link ${olleLink}`);
    const feed = await fetchFeed(olleLink);
    expect(feed.status === 200 && feed.text.includes('BEGIN:VEVENT'), `status ${feed.status}`);
    expect(!feed.text.includes('Elsa'), 'Elsa in Olle\'s feed');
    expect(feed.text.includes('X-WR-CALNAME:Skolnav – Olle'), 'calendar name');
    await sk.reveal('Dina länkar', { role: 'text' });
    const texts = await sk.texts();
    expect(texts.includes('Alla barn') && texts.includes('Olle'), `rows: ${texts.join(' | ')}`);
    expect(texts.filter((t) => /^Skapad /.test(t)).length === 2, 'no "Skapad …" for each link');
    await sk.screenshot(path.join(shots, 'kalenderprenumeration-two-links-1280.png'));
  });

  await check('"Ta bort" revokes a link: its address answers 404, the other still works', async () => {
    const buttons = (await sk.findAll('Ta bort', { role: 'button' })).sort(byY);
    expect(buttons.length === 2, `${buttons.length} "Ta bort" buttons`);
    await sk.click(buttons[0]);  // the first link: all children
    await sk.page.waitForFunction(async () =>
      (await (await fetch('/api/v1/calendar-feeds')).json()).feeds.length === 1, null, { timeout: 10000 });
    expect((await fetchFeed(allLink)).status === 404, 'the revoked link still answers');
    expect((await fetchFeed(olleLink)).status === 200, 'the other link stopped');
    await sk.click((await sk.findAll('Ta bort', { role: 'button' }))[0]);
    await sk.waitFor('Du har inga prenumerationslänkar.', { role: 'text' });
    expect(!(await shownLink(sk)), 'the revoked link is still shown');
    const gone = await fetchFeed(olleLink);
    expect(gone.status === 404 && !gone.text.includes('VCALENDAR'), `after revoking: ${gone.status}`);
    await sk.screenshot(path.join(shots, 'kalenderprenumeration-revoked-1280.png'));
  });

  await check('the section fits a phone', async () => {
    await sk.page.setViewportSize({ width: 360, height: 740 });
    await sk.waitIdle();
    await sk.click(await sk.reveal('Skapa länk', { role: 'button' }));
    await sk.waitFor('Länken är skapad. Kopiera den nu: den visas bara en gång.', { role: 'text' });
    const link = await sk.reveal('Kopiera länk', { role: 'button' });
    expect(link.x + link.w <= 360, 'the button runs off the screen');
    await sk.screenshot(path.join(shots, 'kalenderprenumeration-360.png'));
  });
} finally {
  await browser.close();
}
finish(sk);
