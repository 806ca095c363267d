// Inloggningar on the settings page, in two real browsers signed in as the same
// guardian: each sees both sessions (this one marked, the device named), one ends the
// other from its row, and the other is signed out at its next request. A password
// change (wrong current and too short new refused, naming the field) signs the other
// browser out; the old password no longer signs in, the new one does.
//   SKOLNAV_URL  SKOLNAV_SHOTS  SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD
import path from 'node:path';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn } from './spec_harness.mjs';

const { url, shots, guardian, password } = env;
requireEnv('guardian');
const newPassword = 'ett nytt lösenord';

async function openSettings(sk) {
  await sk.click('Inställningar', { role: 'button' });
  await sk.waitFor('Språk', { role: 'text' });
}

// The other session's "Logga ut" (the header has one too): the one on the row of its
// "Senast använd" line.
async function rowSignOut(sk) {
  const line = await sk.reveal('Senast använd', { role: 'text' });
  const buttons = (await sk.findAll('Logga ut', { role: 'button' })).filter((w) => w.label === 'Logga ut');
  const distance = (w) => Math.abs(w.y + w.h / 2 - (line.y + line.h / 2));
  const row = buttons.sort((x, y) => distance(x) - distance(y))[0];
  expect(row && distance(row) < 60, `no "Logga ut" beside "${line.label}"`);
  return row;
}

// The next request of a browser whose session has ended puts it back at sign-in.
async function signedOutAtNextRequest(sk) {
  await sk.click('Inställningar', { role: 'button' });
  await sk.waitFor('Logga in', { role: 'button' });
  expect((await apiGet(sk, '/api/v1/me')).status === 401, 'the session still answers');
}

const first = await launchBrowser();
const second = await launchBrowser();
let a, b;
try {
  a = await SkolnavPage.open(first.context, url);
  b = await SkolnavPage.open(second.context, url);

  await check('signed in in two browsers: each lists both sessions, its own marked', async () => {
    await signIn(a, guardian);
    await signIn(b, guardian);
    await openSettings(a);
    await a.reveal('Inloggningar', { role: 'text' });
    await a.reveal('Den här enheten', { role: 'text' });
    await a.reveal('Senast använd', { role: 'text' });
    const list = (await apiGet(a, '/api/v1/sessions')).body.sessions;
    expect(list.length === 2, `${list.length} sessions listed`);
    expect(list[0].current && !list[1].current, 'this session is not the one marked');
    expect(/^Chrome på Linux$/.test(list[0].device), `device "${list[0].device}"`);
    expect(await a.find(list[0].device, { role: 'text' }), 'the device is not shown');
    const other = (await apiGet(b, '/api/v1/sessions')).body.sessions;
    expect(other[0].current && other[0].id === list[1].id, 'the other browser does not see itself first');
    await a.screenshot(path.join(shots, 'sessions-two-1280.png'));
  });

  await check('ending the other session signs that browser out at its next request', async () => {
    await a.click(await rowSignOut(a));
    await a.reveal('Den enheten är utloggad.', { role: 'text' });
    expect(!(await a.find('Senast använd', { role: 'text' })), 'the ended session is still listed');
    await signedOutAtNextRequest(b);
    expect((await apiGet(a, '/api/v1/me')).status === 200, 'this browser was signed out too');
    await b.screenshot(path.join(shots, 'sessions-signed-out-1280.png'));
  });

  // The Byt lösenord form's own steps through the UI are not driven here yet (see the
  // report): the change goes through the page's fetch, as the form sends it.
  await check('a changed password signs the other browser out; only the new password signs in', async () => {
    const signInWith = (pw) => b.page.evaluate(async ([u, p]) => (await fetch('/api/v1/session', { method: 'POST',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: u, password: p }) })).status,
    [guardian, pw]);
    expect(await signInWith(password) === 200, 'the other browser cannot sign in again');
    const put = (current, fresh) => a.page.evaluate(async ([c, n]) => {
      const r = await fetch('/api/v1/me/password', { method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ current_password: c, new_password: n }) });
      return { status: r.status, body: await r.json() };
    }, [current, fresh]);
    const wrong = await put('fel lösenord', newPassword);
    expect(wrong.status === 400 && wrong.body.error.field === 'current_password', JSON.stringify(wrong));
    const short = await put(password, 'kort');
    expect(short.status === 400 && short.body.error.field === 'new_password', JSON.stringify(short));
    expect((await apiGet(b, '/api/v1/me')).status === 200, 'a refused change ended the other session');
    const ok = await put(password, newPassword);
    expect(ok.status === 200 && ok.body.ended === 1, JSON.stringify(ok));
    expect((await apiGet(a, '/api/v1/me')).status === 200, 'this browser was signed out');
    expect((await apiGet(b, '/api/v1/me')).status === 401, 'the other browser is still signed in');
    expect(await signInWith(password) === 401, 'the old password still signs in');
    expect(await signInWith(newPassword) === 200, 'the new password does not sign in');
  });
} finally {
  await first.close();
  await second.close();
}
finish(a);
