// Inloggningar and Byt lösenord on the settings page, in two real browsers signed in as
// the same guardian: each sees both sessions (this one marked), one ends the other, and
// the other is signed out at its next request; a wrong current password and a too short
// new one are refused with a clear message; a changed password signs the other browser
// out, the old password no longer signs in and the new one does.
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

// The other session's "Logga ut" (the header has one too: the row's is the lower one).
async function rowSignOut(sk) {
  await sk.reveal('Senast använd', { role: 'text' });
  const buttons = (await sk.findAll('Logga ut', { role: 'button' })).filter((w) => w.label === 'Logga ut');
  expect(buttons.length === 2, `expected the header's and one row's "Logga ut", got ${buttons.length}`);
  return buttons.sort((a, b) => b.y - a.y)[0];
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
    await a.waitFor('Den här enheten', { role: 'text' });
    await a.waitFor('Senast använd', { role: 'text' });
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
    await a.waitFor('Den enheten är utloggad.', { role: 'text' });
    expect(!(await a.find('Senast använd', { role: 'text' })), 'the ended session is still listed');
    await signedOutAtNextRequest(b);
    expect((await apiGet(a, '/api/v1/me')).status === 200, 'this browser was signed out too');
    await b.screenshot(path.join(shots, 'sessions-signed-out-1280.png'));
  });

  await check('a wrong current password and a too short new one are refused, saying why', async () => {
    await signIn(b, guardian);
    await a.reveal('Nuvarande lösenord', { role: 'input' });
    await a.type('Nuvarande lösenord', 'fel lösenord');
    await a.type('Nytt lösenord (minst 8 tecken)', newPassword);
    await a.type('Nytt lösenord igen', newPassword);
    await a.click(await a.reveal('Byt lösenord', { role: 'button' }));
    await a.waitFor('Det nuvarande lösenordet stämmer inte.', { role: 'text' });
    await a.type('Nuvarande lösenord', password);
    await a.type('Nytt lösenord (minst 8 tecken)', 'kort');
    await a.type('Nytt lösenord igen', 'kort');
    await a.click(await a.reveal('Byt lösenord', { role: 'button' }));
    await a.waitFor('Det nya lösenordet måste ha minst 8 tecken.', { role: 'text' });
    // The server refuses it too, whatever the client lets through.
    const direct = await a.page.evaluate(async (pw) => {
      const r = await fetch('/api/v1/me/password', { method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ current_password: pw, new_password: 'kort' }) });
      return { status: r.status, body: await r.json() };
    }, password);
    expect(direct.status === 400 && direct.body.error.field === 'new_password', JSON.stringify(direct));
    expect((await apiGet(b, '/api/v1/me')).status === 200, 'a refused change ended the other session');
  });

  await check('a changed password signs the other browser out; only the new password signs in', async () => {
    await a.type('Nuvarande lösenord', password);
    await a.type('Nytt lösenord (minst 8 tecken)', newPassword);
    await a.type('Nytt lösenord igen', newPassword);
    await a.click(await a.reveal('Byt lösenord', { role: 'button' }));
    await a.waitFor('Lösenordet är bytt. Du är utloggad på alla andra enheter.', { role: 'text' });
    await a.screenshot(path.join(shots, 'sessions-password-changed-1280.png'));
    expect((await apiGet(a, '/api/v1/me')).status === 200, 'this browser was signed out');
    await signedOutAtNextRequest(b);

    await b.type('Användarnamn', guardian);
    await b.type('Lösenord', password);
    await b.click('Logga in', { role: 'button' });
    await b.waitFor('Fel användarnamn eller lösenord.', { role: 'text' });
    await b.type('Lösenord', newPassword);
    await b.click('Logga in', { role: 'button' });
    await b.waitFor('Logga ut', { role: 'button' });
  });

  await check('"Logga ut överallt (även här)" signs out both browsers', async () => {
    await a.click(await a.reveal('Logga ut överallt (även här)', { role: 'button' }));
    await a.waitFor('Logga in', { role: 'button' });
    expect((await apiGet(a, '/api/v1/me')).status === 401, 'this browser still signed in');
    await signedOutAtNextRequest(b);
  });
} finally {
  await first.close();
  await second.close();
}
finish(a);
