// Reconnecting after the server restarts: this spec runs its own server (SKOLNAV_SERVER,
// SKOLNAV_WEB_DIR) on a fixed free port and data folder, so it can stop it (SIGTERM) and
// start it again on the same address with the same data. A guardian's page listens; a
// news item published while connected shows once; the server restarts and another is
// published right after it is back: the page reconnects by itself and shows the new one
// exactly once, the earlier one still once, the bell one higher (not two). The page asks
// for no desktop-notification permission on load. With the server gone, a quiet banner
// says so (in English too) and a box opened meanwhile shows its error; when the server is
// back, that view fetches again by itself (no "Försök igen" click) and the banner goes,
// with no frames drawn while waiting.
//   SKOLNAV_SERVER  SKOLNAV_WEB_DIR  SKOLNAV_SHOTS  SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, signIn } from './spec_harness.mjs';

const { shots, password } = env;
const guardian = env.guardian || 'demo.vh';
const server = process.env.SKOLNAV_SERVER;
const web = process.env.SKOLNAV_WEB_DIR;
if (!server || !web) {
  console.error('set SKOLNAV_SERVER (the skolnav-server executable) and SKOLNAV_WEB_DIR (the built web client)');
  process.exit(2);
}
const child = 'Elsa';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const data = fs.mkdtempSync(path.join(os.tmpdir(), 'skolnav-reconnect-'));
let proc = null;

// Starts the server and resolves once it says it listens.
async function startServer() {
  const p = spawn(server, ['--host', '127.0.0.1', '--port', String(port), '--data', path.join(data, 'data'), '--web', web],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${log}`)), 60000);
    const seen = (chunk) => {
      log += chunk;
      if (/Listening on http/.test(log)) { clearTimeout(timer); resolve(); }
    };
    p.stdout.on('data', seen);
    p.stderr.on('data', seen);
    p.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the server exited (${code}):\n${log}`)); });
  });
  proc = p;
}

async function stopServer() {
  if (!proc) return;
  const p = proc;
  proc = null;
  const exited = new Promise((resolve) => p.once('exit', resolve));
  p.kill('SIGTERM');
  const t = setTimeout(() => p.kill('SIGKILL'), 15000);
  await exited;
  clearTimeout(t);
}

async function bellCount(sk) {
  const bell = await sk.find('Notiser', { role: 'button' });
  const m = bell && /(\d+) olästa/.exec(bell.label);
  return m ? Number(m[1]) : 0;
}

async function entries(sk, title) {
  return (await sk.widgets()).filter((w) => w.role === 'link' && w.label === title).length;
}

async function waitEntry(sk, title, timeout) {
  const t0 = Date.now();
  await sk.page.waitForFunction((t) => window.skolnav.widgets().some((w) => w.role === 'link' && w.label === t),
    title, { polling: 20, timeout });
  return Date.now() - t0;
}

let sk, browser, schoolId, groupId, setupFailed = false;
async function publish(title) {
  const teacher = await request.newContext({ baseURL: url });
  try {
    const s = await teacher.post('/api/v1/session', { data: { username: 'demo.personal', password } });
    expect(s.ok(), `demo.personal sign-in: ${s.status()}`);
    const r = await teacher.post(`/api/v1/schools/${schoolId}/news`,
      { data: { title, body: 'Mer information kommer.', group_ids: [groupId] } });
    expect(r.status() === 201, `publish "${title}": ${r.status()} ${await r.text()}`);
    return Date.now();
  } finally {
    await teacher.dispose();
  }
}

try {
  await startServer();
  browser = await launchBrowser();
  await browser.context.addInitScript(() => {
    window.__asked = 0;
    if (window.Notification) {
      const ask = window.Notification.requestPermission.bind(window.Notification);
      window.Notification.requestPermission = (...a) => { window.__asked++; return ask(...a); };
    }
  });
  let bell0, before = `Skolbio i aulan ${Date.now() % 100000}`, after = `Nya tider för simskolan ${Date.now() % 100000}`;

  await check('the guardian listens on the notifications page; no permission asked on load', async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await signIn(sk, guardian);
    const me = (await apiGet(sk, '/api/v1/me')).body;
    const elsa = me.pupils.find((p) => p.first_name === child);
    expect(elsa, `${guardian} has no child called ${child}`);
    schoolId = elsa.school.id;
    const a = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(elsa.id)}/assignments`)).body;
    groupId = (a.assignments || []).map((x) => x.group && x.group.id).find(Boolean);
    expect(groupId, `no group of ${child}'s found`);
    await sk.click('Notiser', { role: 'button' });
    await sk.waitFor('Notiser', { role: 'text' });
    await sk.waitIdle();
    bell0 = await bellCount(sk);
    expect(await sk.find('Visa notiser på skrivbordet', { role: 'button' }), 'no button to allow desktop notifications');
    const asked = await sk.page.evaluate(() => window.__asked);
    expect(asked === 0, `permission asked ${asked} times without a click`);
  });

  await check('an item published while connected shows once', async () => {
    await publish(before);
    await waitEntry(sk, before, 5000);
    await sk.waitIdle();
    expect((await entries(sk, before)) === 1, `${await entries(sk, before)} entries "${before}"`);
    expect((await bellCount(sk)) === bell0 + 1, `bell ${await bellCount(sk)}, want ${bell0 + 1}`);
  });

  let restartedAt;
  await check('the server restarts on the same port and data; an item published right after shows once', async () => {
    await stopServer();
    await sleep(500);
    await startServer();
    restartedAt = Date.now();
    await publish(after);
    const ms = await waitEntry(sk, after, 30000);
    console.log(`     shown ${Date.now() - restartedAt} ms after the restart (${ms} ms after the publish)`);
    await sk.waitIdle();
    await sleep(3000);  // anything sent twice would have come by now
    await sk.waitIdle();
    expect((await entries(sk, after)) === 1, `${await entries(sk, after)} entries "${after}"`);
    expect((await entries(sk, before)) === 1, `${await entries(sk, before)} entries "${before}" after the reconnect`);
    const bell = await bellCount(sk);
    expect(bell === bell0 + 2, `bell ${bell}, want ${bell0 + 2} (one more than before the restart)`);
    const api = (await apiGet(sk, '/api/v1/notifications')).body;
    expect(api.unread === bell, `the API has ${api.unread} unread, the bell ${bell}`);
    await sk.screenshot(path.join(shots, 'notifications-reconnected.png'));
  });

  await check('the page is idle again after the reconnect (3 s, no frames)', async () => {
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  const banner = 'Ingen kontakt med servern – försöker igen …';
  await check('with the server gone, a quiet banner says so, an opened box says why, and nothing is drawn while waiting', async () => {
    await sk.click('Tillbaka', { role: 'button' });
    await sk.waitFor('Information', { role: 'link' });
    await stopServer();
    const t0 = Date.now();
    await sk.waitFor(banner, { role: 'text', timeout: 10000 });
    console.log(`     banner ${Date.now() - t0} ms after the server stopped`);
    await sk.click('Information', { role: 'link' });
    await sk.waitFor('Försök igen', { role: 'button', timeout: 10000 });
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'reconnect-lost-1280.png'));
    await sk.page.setViewportSize({ width: 390, height: 844 });
    await sk.waitIdle();
    expect(await sk.find(banner, { role: 'text' }), 'no banner at 390 px');
    await sk.screenshot(path.join(shots, 'reconnect-lost-390.png'));
    // The probe keeps asking on a timer: it draws nothing until contact comes back.
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while waiting for the server`);
    expect(await sk.find(banner, { role: 'text' }), 'the banner went away with the server still gone');
  });

  await check('when the server is back, the open error view fetches again by itself and the banner goes', async () => {
    await startServer();
    const t0 = Date.now();
    // No click on "Försök igen": the news list comes by itself.
    await waitEntry(sk, before, 20000);
    console.log(`     the news list came ${Date.now() - t0} ms after the server was back`);
    await sk.waitIdle();
    expect(!(await sk.find(banner, { role: 'text' })), 'the banner is still there');
    expect(!(await sk.find('Försök igen', { role: 'button' })), '"Försök igen" is still there');
    await sk.screenshot(path.join(shots, 'reconnect-back-390.png'));
    await sk.page.setViewportSize({ width: 1280, height: 800 });
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'reconnect-back-1280.png'));
    const frames = await sk.framesWhileIdle(2000);
    expect(frames === 0, `${frames} frames drawn while idle after coming back`);
  });

  await check('in English the banner says it in English', async () => {
    await sk.page.evaluate(() => localStorage.setItem('skolnav.language', 'en'));
    await sk.reload();
    await sk.waitFor('Sign out', { role: 'button' });
    await stopServer();
    await sk.waitFor('No contact with the server – trying again …', { role: 'text', timeout: 10000 });
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'reconnect-lost-en-1280.png'));
    await startServer();
    await sk.waitGone('No contact with the server – trying again …', { role: 'text', timeout: 20000 });
    await sk.page.evaluate(() => localStorage.removeItem('skolnav.language'));
  });
} catch (e) {
  console.log(`FAIL setting up: ${e.message}`);
  setupFailed = true;
} finally {
  if (browser) await browser.close();
  await stopServer();
  fs.rmSync(data, { recursive: true, force: true });
}
if (setupFailed) process.exit(1);
finish(sk);
