// Frånvaro end to end in a real browser against a running Skolnav server:
// a guardian reports tomorrow's absence with a comment (å ä ö), sees it listed and
// counted on the start page's card, reloads
// (the session cookie keeps them signed in), withdraws it and signs out; a pupil under
// 18 sees the list but cannot report.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, pupil, password } = env;
requireEnv('guardian', 'pupil');

// The "Ta bort" button on the same report row as a text: the nearest one below its top.
async function withdrawButtonFor(sk, text) {
  const row = await sk.find(text, { role: 'text' });
  if (!row) return null;
  const buttons = (await sk.findAll('Ta bort', { role: 'button' })).filter((b) => b.y + b.h > row.y - 40);
  buttons.sort((a, b) => Math.abs(a.y - row.y) - Math.abs(b.y - row.y));
  return buttons[0] || null;
}

const comment = `Sjuk, feber – åäö ÅÄÖ ${Date.now() % 100000}`;
const browser = await launchBrowser();
let sk;
try {
  await check('guardian signs in and sees the start page with Frånvaro', async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await sk.waitFor('Användarnamn', { role: 'input' });
    await sk.screenshot(path.join(shots, 'signin.png'));
    // A wrong password is explained in words.
    await sk.type('Användarnamn', guardian);
    await sk.type('Lösenord', 'fel-lösenord');
    await sk.click('Logga in', { role: 'button' });
    const texts = await sk.texts();
    expect(texts.some((t) => /lösenord|användarnamn/i.test(t) && t !== 'Lösenord' && t !== 'Användarnamn'),
      `no error text after a wrong password: ${texts.join(' | ')}`);
    await signIn(sk, guardian);
    await sk.waitFor('Frånvaro', { role: 'link' });
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'start.png'));
  });

  await check('guardian reports tomorrow with a comment and sees it listed', async () => {
    await sk.click('Frånvaro', { role: 'link' });
    await sk.waitFor('Anmäl frånvaro', { role: 'button' });
    // A report for tomorrow left by an earlier run would make this one a conflict.
    for (let i = 0; i < 3; i++) {
      const stale = await withdrawButtonFor(sk, '(i morgon)');
      if (!stale) break;
      await sk.click(stale);
    }
    await sk.click('I morgon', { role: 'radio' });
    const radio = await sk.find('I morgon', { role: 'radio' });
    expect(radio.checked, '"I morgon" is not selected after clicking it');
    await sk.type('Kommentar (valfri)', comment);
    await sk.click('Anmäl frånvaro', { role: 'button' });
    await sk.waitFor(comment, { role: 'text' });
    const listed = await sk.find(comment, { role: 'text' });
    expect(listed.label === comment, `comment listed as "${listed.label}", typed "${comment}"`);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'franvaro.png'));
  });

  await check('back on the start page, the Frånvaro card counts the new report; cards show the server\'s summaries', async () => {
    await sk.page.goBack();
    await sk.waitFor('1 anmäld frånvaro framåt', { role: 'text' });
    // Every card carries its summary from GET /pupils/{id}/start, e.g. unread news.
    const texts = await sk.texts();
    expect(texts.some((t) => /olästa nyheter|Inga nyheter/.test(t)), `no Information summary: ${texts.join(' | ')}`);
    expect(!texts.includes('Kommer snart'), 'a card still says "Kommer snart"');
    await sk.click('Frånvaro', { role: 'link' });
    await sk.waitFor(comment, { role: 'text' });
  });

  await check('the client draws no frames while idle (5 s)', async () => {
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    const frames = await sk.framesWhileIdle(5000);
    console.log(`     frames drawn in 5 s idle: ${frames}`);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('after a reload the report is still listed (signed in by cookie); withdraw; sign out', async () => {
    await sk.reload();
    await sk.waitFor(comment, { role: 'text' });
    expect(await sk.find('Logga ut', { role: 'button' }), 'not signed in after reload');
    const remove = await withdrawButtonFor(sk, comment);
    expect(remove, 'no "Ta bort" for the report made today for tomorrow');
    await sk.click(remove);
    await sk.waitGone(comment, { role: 'text' });
    await signOut(sk);
  });

  await check('a pupil under 18 sees Frånvaro without the report action', async () => {
    await signIn(sk, pupil);
    await sk.click('Frånvaro', { role: 'link' });
    await sk.waitFor('Anmäld frånvaro', { role: 'text' });
    expect(!(await sk.find('Anmäl frånvaro', { role: 'button' })), '"Anmäl frånvaro" is offered to a pupil under 18');
    expect(await sk.find('Frånvaro anmäls av vårdnadshavare', { role: 'text' }), 'no note that guardians report absence');
    await signOut(sk);
  });

} finally {
  await browser.close();
}
finish(sk);
