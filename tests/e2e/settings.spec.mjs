// Settings and the client's platform in a real browser: English chosen on the sign-in
// page and on the settings page (the UI's texts and the server's card summaries change,
// the choice survives a reload, Swedish comes back); the dark theme, chosen and
// following the system's setting (the page's pixels are dark or light); an adult pupil
// withdrawing and giving back insyn, seen by her guardian at once; text typed on a
// phone's on-screen keyboard (the hidden input gets focus on a tap); copy and paste.
//   SKOLNAV_URL  SKOLNAV_SHOTS  SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD
import path from 'node:path';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, pixelAt, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, password } = env;
requireEnv('guardian');
const brightness = ([r, g, b]) => (r + g + b) / 3;

async function signInEnglish(sk, user) {
  await sk.type('Username', user);
  await sk.type('Password', password);
  await sk.click('Sign in', { role: 'button' });
  await sk.waitFor('Sign out', { role: 'button' });
}

const browser = await launchBrowser();
let sk;
try {
  sk = await SkolnavPage.open(browser.context, url, { viewport: { width: 1280, height: 800 } });

  await check('the sign-in page offers English; the page turns English', async () => {
    await sk.waitFor('Logga in', { role: 'button' });
    await sk.click('English', { role: 'button' });
    await sk.waitFor('Sign in', { role: 'button' });
    for (const label of ['Username', 'Password', 'School and preschool in one place'])
      expect(await sk.find(label), `no "${label}"`);
    expect(!(await sk.find('Logga in')), 'Swedish "Logga in" still shown');
    expect(await sk.page.evaluate(() => document.documentElement.lang) === 'en', '<html lang> is not en');
    await sk.screenshot(path.join(shots, 'settings-signin-english-1280.png'));
  });

  await check('signed in in English: the UI and the server\'s card summaries are English', async () => {
    await signInEnglish(sk, guardian);
    await sk.waitFor('Absence', { role: 'link' });
    const texts = await sk.texts();
    expect(texts.includes('Hello Anna!'), `no "Hello Anna!": ${texts.slice(0, 6).join(' | ')}`);
    for (const title of ['Absence', 'Timetable', 'News', 'Calendar'])
      expect(await sk.find(title, { role: 'link' }), `no "${title}" card`);
    // The summaries come from the server, asked for in English.
    const me = (await apiGet(sk, '/api/v1/me')).body;
    const reply = await sk.page.evaluate(async (id) =>
      (await fetch(`/api/v1/pupils/${id}/start`, { headers: { 'Accept-Language': 'en' } })).json(), me.pupils[0].id);
    const summaries = reply.boxes.map((b) => b.card.summary).filter(Boolean);
    const shown = summaries.filter((s) => texts.some((t) => s.startsWith(t.replace(/ …$/, ''))));
    expect(shown.length >= Math.min(3, summaries.length), `English summaries not shown; the server's: ${summaries.join(' | ')}`);
    expect(!texts.some((t) => /olästa|anmäld|Nästa:/.test(t)), `Swedish summary on an English page: ${texts.join(' | ')}`);
    await sk.screenshot(path.join(shots, 'settings-start-english-1280.png'));
  });

  await check('English survives a reload; the settings page switches back to Swedish', async () => {
    await sk.reload();
    await sk.waitFor('Sign out', { role: 'button' });
    await sk.click('Settings', { role: 'button' });
    await sk.waitFor('Language', { role: 'text' });
    await sk.screenshot(path.join(shots, 'settings-english-1280.png'));
    await sk.click('Svenska', { role: 'radio' });
    await sk.waitFor('Språk', { role: 'text' });
    expect((await sk.find('Svenska', { role: 'radio' })).checked, '"Svenska" not selected');
    await sk.click('Tillbaka', { role: 'button' });
    await sk.waitFor('Frånvaro', { role: 'link' });
    expect((await sk.texts()).includes('Hej Anna!'), 'not Swedish again');
  });

  await check('dark theme chosen on the settings page: dark page and cards; light again', async () => {
    const light = await pixelAt(sk, 5, 400);
    expect(brightness(light) > 200, `the light page is not light: ${light}`);
    await sk.click('Inställningar', { role: 'button' });
    await sk.click('Mörkt', { role: 'radio' });
    const page = await pixelAt(sk, 5, 400);
    expect(brightness(page) < 60, `the page is not dark: ${page}`);
    await sk.screenshot(path.join(shots, 'settings-dark-1280.png'));
    await sk.click('Tillbaka', { role: 'button' });
    const card = await sk.waitFor('Frånvaro', { role: 'link' });
    const inCard = await pixelAt(sk, card.x + card.w - 30, card.y + card.h - 12);
    expect(brightness(inCard) < 80, `a card is not dark: ${inCard}`);
    await sk.screenshot(path.join(shots, 'start-page-dark-1280.png'));
    await sk.page.setViewportSize({ width: 360, height: 740 });
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'start-page-dark-360.png'));
    await sk.page.setViewportSize({ width: 1280, height: 800 });
    await sk.waitIdle();
    await sk.click('Inställningar', { role: 'button' });
    await sk.click('Ljust', { role: 'radio' });
    expect(brightness(await pixelAt(sk, 5, 400)) > 200, 'not light again');
  });

  await check('"Som enheten" follows the system\'s light/dark setting as it changes', async () => {
    await sk.click('Som enheten (ljust eller mörkt)', { role: 'radio' });
    await sk.page.emulateMedia({ colorScheme: 'dark' });
    await sk.waitIdle();
    expect(brightness(await pixelAt(sk, 5, 400)) < 60, 'not dark with a dark system');
    await sk.page.emulateMedia({ colorScheme: 'light' });
    await sk.waitIdle();
    expect(brightness(await pixelAt(sk, 5, 400)) > 200, 'not light with a light system');
    await sk.screenshot(path.join(shots, 'settings-1280.png'));
    await sk.page.setViewportSize({ width: 360, height: 740 });
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'settings-360.png'));
    await sk.page.setViewportSize({ width: 1280, height: 800 });
    await sk.waitIdle();
  });

  await check('a guardian has no insyn setting', async () => {
    expect(!(await sk.find('Insyn för vårdnadshavare')), 'a guardian sees the insyn setting');
    await signOut(sk);
  });

  await check('an adult pupil withdraws insyn; her guardian sees it at once; she gives it back', async () => {
    await signIn(sk, 'demo.elev18');
    await sk.click('Inställningar', { role: 'button' });
    await sk.waitFor('Dina vårdnadshavare har insyn.', { role: 'text' });
    await sk.click('Ta tillbaka insyn', { role: 'button' });
    await sk.waitFor('Sparat. Dina vårdnadshavare kan inte längre se dina skoluppgifter.', { role: 'text' });
    expect((await apiGet(sk, '/api/v1/me/insyn')).body.consent === false, 'the server still has consent');
    await sk.screenshot(path.join(shots, 'settings-insyn-withdrawn-1280.png'));

    // Her guardian, in another browser, right now.
    const other = await launchBrowser();
    try {
      const g = await SkolnavPage.open(other.context, url, { viewport: { width: 1280, height: 800 } });
      await signIn(g, 'demo.vh.gy');
      await g.click('Tyra', { role: 'tab' });
      await g.waitFor('Eleven har inte gett insyn.', { role: 'text' });
      expect(!(await g.find('Frånvaro', { role: 'link' })), 'the guardian still sees Tyra\'s boxes');
      const me = (await apiGet(g, '/api/v1/me')).body;
      const tyra = me.pupils.find((p) => p.first_name === 'Tyra');
      const denied = await apiGet(g, `/api/v1/pupils/${tyra.id}/start`);
      expect(denied.status === 403 || denied.status === 404, `the API gave the guardian ${denied.status}`);

      await sk.click('Ge insyn', { role: 'button' });
      await sk.waitFor('Sparat. Dina vårdnadshavare kan nu se dina skoluppgifter.', { role: 'text' });
      await g.reload();
      await g.click('Tyra', { role: 'tab' });
      await g.waitFor('Frånvaro', { role: 'link' });
    } finally {
      await other.close();
    }
    await signOut(sk);
  });
} finally {
  await browser.close();
}

// A phone: touch only, 360 px wide.
const phone = await launchBrowser({ hasTouch: true });
try {
  const p = await SkolnavPage.open(phone.context, url, { viewport: { width: 360, height: 740 } });
  sk = p;
  await check('phone: a tap on a field focuses the hidden input; the on-screen keyboard\'s text arrives', async () => {
    const field = await p.waitFor('Användarnamn', { role: 'input' });
    await p.tap(field);
    await p.page.waitForFunction(() => window.skolnav.textFocused(), null, { timeout: 5000 });
    const focused = await p.page.evaluate(() => document.activeElement && document.activeElement.id);
    expect(focused === 'skolnav-text', `focus is on "${focused}"`);
    // A phone keyboard sends text as input events, not key presses.
    await p.page.keyboard.insertText(guardian);
    await p.tap(await p.waitFor('Lösenord', { role: 'input' }));
    await p.page.keyboard.insertText(password);
    await p.tap(await p.waitFor('Logga in', { role: 'button' }));
    await p.waitFor('Logga ut', { role: 'button' });
    await p.screenshot(path.join(shots, 'settings-phone-signed-in-360.png'));
    await p.tap(await p.waitFor('Logga ut', { role: 'button' }));
    await p.waitFor('Logga in', { role: 'button' });
  });
} finally {
  await phone.close();
}

// Copy and paste with the system clipboard.
const desk = await launchBrowser();
try {
  await desk.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const d = await SkolnavPage.open(desk.context, url, { viewport: { width: 1280, height: 800 } });
  sk = d;
  await check('copy from a field reaches the clipboard; paste into a field works', async () => {
    await d.type('Användarnamn', 'kopiera åäö');
    await d.page.keyboard.press('Control+A');
    await d.page.keyboard.press('Control+C');
    await d.waitIdle();
    const copied = await d.page.evaluate(() => navigator.clipboard.readText());
    expect(copied === 'kopiera åäö', `the clipboard has "${copied}"`);
    // Paste the username over the field's text, type the password, sign in.
    await d.page.evaluate((u) => navigator.clipboard.writeText(u), guardian);
    await d.page.keyboard.press('Control+A');
    // Ctrl+V as Chromium gets it from a keyboard: the key with its "paste" editing
    // command (Playwright sends that command only on macOS).
    const cdp = await d.page.context().newCDPSession(d.page);
    const v = { key: 'v', code: 'KeyV', windowsVirtualKeyCode: 86, modifiers: 2 };
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...v, commands: ['paste'] });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...v });
    await d.waitIdle();
    await d.type('Lösenord', password);
    await d.click('Logga in', { role: 'button' });
    await d.waitFor('Logga ut', { role: 'button' });
  });
} finally {
  await desk.close();
}
finish(sk);
