// Sign-in with BankID in real Chromium, against the BankID stand-in over the real RP
// protocol (run_with_bankid.sh starts it and points the server at it). The QR code is
// read from a screenshot of the canvas with zbarimg, as a phone's camera would, and
// that exact text is pasted into the stand-in's app page: the stand-in checks its HMAC.
//   SKOLNAV_URL  SKOLNAV_SHOTS  SKOLNAV_BANKID_APP  SKOLNAV_SERVER_LOG
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish } from './spec_harness.mjs';

const { url, shots } = env;
const app = process.env.SKOLNAV_BANKID_APP;
if (!app || !process.env.SKOLNAV_SERVER_LOG) {
  console.error('run through tests/e2e/run_with_bankid.sh (SKOLNAV_BANKID_APP, SKOLNAV_SERVER_LOG)');
  process.exit(2);
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const QR_TEXT = /^bankid\.([0-9a-f-]{36})\.([0-9]+)\.([0-9a-f]{64})$/;

// The demo's test personnummer, from the table the server prints at start.
function personalNumber(username) {
  const log = fs.readFileSync(process.env.SKOLNAV_SERVER_LOG, 'utf8');
  const m = log.match(new RegExp(`  ([0-9]{12})  ${username.replace(/\./g, '\\.')}\\n`));
  expect(m, `no personnummer for ${username} in the server's table`);
  return m[1];
}

// What a camera sees: the canvas as a PNG, read by zbarimg.
async function readQr(sk, name) {
  const file = path.join(shots, `${name}.png`);
  await sk.page.locator('canvas').screenshot({ path: file });
  try {
    return execFileSync('zbarimg', ['--quiet', '--raw', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return '';
  }
}

async function waitForQr(sk, name) {
  await sk.waitFor('Starta BankID-appen på din mobil', { role: 'text' });
  for (let i = 0; i < 20; i++) {
    const text = await readQr(sk, name);
    if (text) return text;
    await sleep(250);
  }
  throw new Error('no QR code could be read from the canvas');
}

// The stand-in's "BankID app", in its own tab: read the code, then decide.
async function inApp(context, code, decision, number = '') {
  const page = await context.newPage();
  try {
    await page.goto(app);
    await page.fill('#code', code);
    await page.click('#scan');
    const title = await page.textContent('#title');
    expect(title === 'Legitimera dig', `the app says "${title}": ${await page.textContent('body')}`);
    if (number) await page.fill('#personalNumber', number);
    await page.click(`#${decision}`);
    await page.waitForSelector('#title');
  } finally {
    await page.close();
  }
}

async function startQr(sk) {
  await sk.click('BankID på en annan enhet', { role: 'button' });
  return waitForQr(sk, 'bankid-qr-now');
}

async function cancel(sk) {
  await sk.click('Avbryt', { role: 'button' });
  await sk.waitFor('BankID på en annan enhet', { role: 'button' });
}

const browser = await launchBrowser();
let sk;
try {
  sk = await SkolnavPage.open(browser.context, url);

  await check('the sign-in page offers BankID beside the password, and draws nothing while idle', async () => {
    await sk.waitFor('Logga in med BankID', { role: 'text' });
    await sk.waitFor('BankID på den här enheten', { role: 'button' });
    await sk.waitFor('Användarnamn', { role: 'input' });
    const idle = await sk.framesWhileIdle(1500);
    expect(idle === 0, `${idle} frames drawn while idle`);
  });

  await check('QR: the code is BankID\'s animated one and changes every second', async () => {
    const first = await startQr(sk);
    await sk.screenshot(path.join(shots, 'bankid-qr-1280.png'));
    const a = first.match(QR_TEXT);
    expect(a, `not a BankID QR text: "${first}"`);
    await sleep(2200);
    const second = await readQr(sk, 'bankid-qr-later');
    const b = second.match(QR_TEXT);
    expect(b, `not a BankID QR text: "${second}"`);
    expect(a[1] === b[1], 'the qrStartToken changed within one order');
    expect(Number(b[2]) >= Number(a[2]) + 1, `seconds ${a[2]} then ${b[2]}`);
    expect(a[3] !== b[3], 'the HMAC did not change');
    await cancel(sk);
    // The wake-up for the next poll, set before Avbryt, may still draw its few frames
    // within a second (the page has one shared timer); after that nothing may be drawn.
    await sleep(1200);
    const idle = await sk.framesWhileIdle(2000);
    expect(idle === 0, `${idle} frames drawn after Avbryt (still polling?)`);
  });

  await check('QR: the app approves the scanned code and the guardian is signed in', async () => {
    const code = await startQr(sk);
    await inApp(browser.context, code, 'approve', personalNumber('demo.vh'));
    await sk.waitFor('Logga ut', { role: 'button', timeout: 15000 });
    const me = await apiGet(sk, '/api/v1/me');
    expect(me.status === 200 && me.body.person.first_name === 'Anna', `me: ${JSON.stringify(me.body)}`);
    await sk.screenshot(path.join(shots, 'bankid-signed-in-1280.png'));
    await sk.click('Logga ut', { role: 'button' });
    await sk.waitFor('Logga in med BankID', { role: 'text' });
  });

  await check('QR: declined in the app → "Åtgärden avbruten." (RFA6), no session', async () => {
    const code = await startQr(sk);
    await inApp(browser.context, code, 'decline');
    await sk.waitFor('Åtgärden avbruten.', { role: 'text', timeout: 10000 });
    expect((await apiGet(sk, '/api/v1/me')).status === 401, 'signed in after declining');
    await sk.screenshot(path.join(shots, 'bankid-declined-1280.png'));
    await cancel(sk);
  });

  await check('QR: the order expires → RFA8, and "Försök igen" starts a new one', async () => {
    const code = await startQr(sk);
    await inApp(browser.context, code, 'expire');
    await sk.waitFor('BankID-appen svarar inte', { role: 'text', timeout: 10000 });
    await sk.click('Försök igen', { role: 'button' });
    const again = await waitForQr(sk, 'bankid-qr-again');
    expect(again.match(QR_TEXT) && again.match(QR_TEXT)[1] !== code.match(QR_TEXT)[1], 'no new order after the expiry');
    await cancel(sk);
  });

  await check('QR: an unknown personnummer is refused clearly, without a session', async () => {
    const code = await startQr(sk);
    await inApp(browser.context, code, 'approve', '195005059893');
    await sk.waitFor('personnumret finns inte i Skolnav', { role: 'text', timeout: 10000 });
    expect((await apiGet(sk, '/api/v1/me')).status === 401, 'signed in with an unknown personnummer');
    await sk.screenshot(path.join(shots, 'bankid-unknown-1280.png'));
    await cancel(sk);
  });

  await check('this device: the launch link carries the autostart token; a pupil under 18 signs in', async () => {
    // The page hands bankid:///… to the browser; the test takes the navigation instead.
    await sk.page.evaluate(() => {
      window.__launched = [];
      navigation.addEventListener('navigate', (e) => {
        if (e.destination.url.startsWith('bankid:')) {
          window.__launched.push(e.destination.url);
          e.preventDefault();
        }
      });
    });
    await sk.click('BankID på den här enheten', { role: 'button' });
    await sk.waitFor('Starta BankID-appen', { role: 'button' });
    const launched = await sk.page.evaluate(() => window.__launched);
    expect(launched.length === 1, `launched: ${JSON.stringify(launched)}`);
    const m = launched[0].match(/^bankid:\/\/\/\?autostarttoken=([0-9a-f-]{36})&redirect=null$/);
    expect(m, `launch link ${launched[0]}`);
    await sk.screenshot(path.join(shots, 'bankid-this-device-1280.png'));
    await inApp(browser.context, m[1], 'approve', personalNumber('demo.elev'));
    await sk.waitFor('Logga ut', { role: 'button', timeout: 15000 });
    const me = await apiGet(sk, '/api/v1/me');
    expect(me.body.person.first_name === 'Elsa', `me: ${JSON.stringify(me.body)}`);
    await sk.click('Logga ut', { role: 'button' });
    await sk.waitFor('Logga in med BankID', { role: 'text' });
  });

  await check('390 px: the QR code is in view and readable, the password form steps aside', async () => {
    await sk.page.setViewportSize({ width: 390, height: 844 });
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'bankid-signin-390.png'));
    const code = await startQr(sk);
    expect(QR_TEXT.test(code), `"${code}"`);
    expect(!(await sk.find('Användarnamn', { role: 'input' })), 'the password form is still there');
    await sk.screenshot(path.join(shots, 'bankid-qr-390.png'));
    await cancel(sk);
    await sk.page.setViewportSize({ width: 1280, height: 800 });
    await sk.waitFor('Användarnamn', { role: 'input' });  // laid out at 1280 again
    await sk.waitIdle();
  });
  await check('signing in with the password meanwhile cancels the BankID order at BankID', async () => {
    const code = await startQr(sk);
    await sk.type('Användarnamn', 'demo.vh');
    await sk.type('Lösenord', env.password);
    await sk.click('Logga in', { role: 'button' });
    await sk.waitFor('Logga ut', { role: 'button' });
    const page = await browser.context.newPage();
    try {
      await page.goto(app);
      await page.fill('#code', code);
      await page.click('#scan');
      const title = await page.textContent('#title');
      expect(title === 'Okänd QR-kod', `the app still knows the order: "${title}"`);
    } finally {
      await page.close();
    }
    await sk.click('Logga ut', { role: 'button' });
    await sk.waitFor('Logga in med BankID', { role: 'text' });
  });

  await check('English: the view and BankID\'s messages in English', async () => {
    await sk.click('English', { role: 'button' });
    await sk.waitFor('Sign in with BankID', { role: 'text' });
    await sk.click('BankID on another device', { role: 'button' });
    await sk.waitFor('Start your BankID app.', { role: 'text' });
    await sk.screenshot(path.join(shots, 'bankid-qr-english-1280.png'));
    await sk.click('Cancel', { role: 'button' });
    await sk.click('Svenska', { role: 'button' });
    await sk.waitFor('Logga in med BankID', { role: 'text' });
  });
} finally {
  await browser.close();
}
finish(sk);
