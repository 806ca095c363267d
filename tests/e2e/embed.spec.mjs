// Skolnav inside a school's intranet page, in real Chromium. Two tiny intranet sites run
// here on 127.0.0.1 (other origins, and other sites, than Skolnav at localhost):
//  1. With run_with_server.sh's server (no --embed-origin), no page may frame Skolnav.
//  2. Then a second server is started for the intranet (run_with_server.sh again, with
//     --secure-cookies --embed-origin http://127.0.0.1:<intranet>; Chromium treats
//     http://localhost as secure, so the Secure cookie works without TLS here). This file
//     runs again under it (SKOLNAV_EMBED_INTRANET set) and checks: a page from a
//     non-listed origin is refused (CSP frame-ancestors); on the listed intranet page a
//     guardian signs in inside the frame (the cookie SameSite=None; Secure; Partitioned),
//     reports absence (Frånvaro) and the API confirms it; every box opens, a live
//     notification arrives and the bell opens Notiser, and a deep link opens its box,
//     all inside the frame, with no CSP violation.
//   SKOLNAV_URL  SKOLNAV_SHOTS  SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD
import http from 'node:http';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, openEveryBox, requireEnv, signIn } from './spec_harness.mjs';

const { shots, guardian, password } = env;
requireEnv('guardian');
const here = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// An intranet site: "/?skolnav=URL" is its page with Skolnav framed in it.
function intranetPage(name, skolnav) {
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${esc(name)}</title>
<style>
  /* The page fits the window and does not scroll: the frame stays where the test clicks. */
  body { margin: 0; font: 15px system-ui, sans-serif; background: #e9edf2; color: #1d2733; overflow: hidden; }
  header { background: #7a1f3d; color: #fff; padding: 14px 24px; font-size: 20px; }
  nav { float: left; width: 180px; padding: 16px 24px; line-height: 2; }
  main { margin-left: 228px; padding: 0 24px 0 0; }
  h2 { margin: 14px 0; font-size: 18px; }
  iframe { display: block; width: 1000px; height: 880px; border: 0; background: #fff; }
</style></head><body>
<header>${esc(name)}</header>
<nav>Start<br>Nyheter<br>Matsedel<br><b>Skolnav</b><br>Kontakt</nav>
<main><h2>Skolnav</h2>
<iframe id="skolnav" title="Skolnav" src="${esc(skolnav)}"></iframe></main></body></html>`;
}

function startIntranet(name) {
  const server = http.createServer((req, res) => {
    const q = new URL(req.url, 'http://x').searchParams;
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(intranetPage(name, q.get('skolnav') || 'about:blank'));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ server, url: `http://127.0.0.1:${server.address().port}` });
  }));
}

// In every document: the CSP violations it reports.
const watchCsp = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));`;

// Opens an intranet page framing `skolnav`; resolves once the frame has loaded or been refused.
async function openIntranet(page, intranet, skolnav) {
  const refusals = [];
  const listen = (m) => { if (/frame-ancestors|X-Frame-Options/.test(m.text())) refusals.push(m.text()); };
  page.on('console', listen);
  await page.goto(`${intranet}/?skolnav=${encodeURIComponent(skolnav)}`);
  const frame = await (await page.waitForSelector('iframe#skolnav')).contentFrame();
  await frame.waitForLoadState('load').catch(() => {});
  return { frame, refusals, stop: () => page.off('console', listen) };
}

// The frame did not render Skolnav: Chromium shows its error page there instead.
async function expectRefused(page, intranet, skolnav, shot) {
  const { frame, refusals, stop } = await openIntranet(page, intranet, skolnav);
  for (let i = 0; i < 40 && !refusals.length; i++) await sleep(100);
  stop();
  const rendered = await frame.evaluate(() => !!window.skolnav || !!document.getElementById('canvas')).catch(() => false);
  await page.screenshot({ path: path.join(shots, shot) });
  console.log(`     ${refusals[0] || '(no console message)'}`);
  expect(!rendered, `Skolnav rendered inside ${intranet}'s page (frame at ${frame.url()})`);
  expect(refusals.length > 0, 'Chromium reported no frame-ancestors refusal');
}

const intranet = process.env.SKOLNAV_EMBED_INTRANET;
if (!intranet) {
  // ---- 1. The default server: framed by no one; then the intranet's own server. ----------
  const listed = await startIntranet('Intranät – Sundsvalls skolor');
  const other = await startIntranet('Någon annans sida');
  const browser = await launchBrowser();
  try {
    await check('without --embed-origin, an intranet page cannot frame Skolnav', async () => {
      const page = browser.context.pages()[0] || await browser.context.newPage();
      await expectRefused(page, listed.url, env.url, 'embed-default-refused.png');
    });
  } finally {
    await browser.close();
  }
  await check('under a server that lets the intranet frame it (its own run, below)', async () => {
    const args = `--secure-cookies --embed-origin ${listed.url}`;
    console.log(`     skolnav-server ${args}`);
    const child = spawn('bash', [path.join(here, 'run_with_server.sh'), process.execPath, fileURLToPath(import.meta.url)], {
      stdio: 'inherit',
      env: { ...process.env, SKOLNAV_SERVER_ARGS: args, SKOLNAV_EMBED_INTRANET: listed.url, SKOLNAV_EMBED_OTHER: other.url },
    });
    const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code === 0, `the embedded run exited with ${code}`);
  });
  listed.server.close();
  other.server.close();
  finish();
}

// ---- 2. Under the server with --embed-origin <intranet>. ------------------------------
const skolnav = env.url.replace('://127.0.0.1:', '://localhost:');  // another site than 127.0.0.1
const otherIntranet = process.env.SKOLNAV_EMBED_OTHER;
const comment = `Magsjuk – anmält från intranätet ${Date.now() % 100000}`;
const browser = await launchBrowser();
let sk, page, elsa;
try {
  await browser.context.addInitScript(watchCsp);
  page = browser.context.pages()[0] || await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });  // a start page's cards without scrolling

  await check('a page from an origin not listed cannot frame Skolnav (CSP frame-ancestors)', async () => {
    await expectRefused(page, otherIntranet, skolnav, 'embed-other-refused.png');
  });

  let cookie = '';
  await check('the listed intranet page frames Skolnav; a guardian signs in inside the frame', async () => {
    page.on('response', (r) => {
      // headers() leaves cookies out; headerValue() has them.
      if (r.url().endsWith('/api/v1/session') && r.request().method() === 'POST')
        r.headerValue('set-cookie').then((v) => { cookie = v || ''; });
    });
    const { stop } = await openIntranet(page, intranet, skolnav);
    stop();
    sk = await SkolnavPage.inFrame(page, 'iframe#skolnav');
    await sk.waitFor('Användarnamn', { role: 'input' });
    await sk.screenshot(path.join(shots, 'embed-signin.png'));
    await signIn(sk, guardian);
    const me = (await apiGet(sk, '/api/v1/me')).body;
    elsa = me.pupils.find((p) => p.first_name === 'Elsa');
    expect(elsa, `${guardian} has no child called Elsa`);
    console.log(`     Set-Cookie: ${cookie.replace(/skolnav_session=[^;]*/, 'skolnav_session=…')}`);
    expect(/SameSite=None/.test(cookie) && /; Secure/.test(cookie) && /; Partitioned/.test(cookie),
      `the session cookie is not SameSite=None; Secure; Partitioned: ${cookie}`);
    await sk.waitFor('Frånvaro', { role: 'link' });
    await sk.screenshot(path.join(shots, 'embed-start.png'));
  });

  await check('the guardian reports absence (Frånvaro) inside the frame; the API confirms it', async () => {
    if (await sk.find('Elsa', { role: 'tab' })) await sk.click('Elsa', { role: 'tab' });
    await sk.click(await sk.reveal('Frånvaro', { role: 'link' }));
    await sk.waitFor('Anmäl frånvaro', { role: 'button' });
    await sk.click('I morgon', { role: 'radio' });
    await sk.type('Kommentar (valfri)', comment);
    await sk.click('Anmäl frånvaro', { role: 'button' });
    await sk.waitFor(comment, { role: 'text' });
    await sk.screenshot(path.join(shots, 'embed-franvaro.png'));
    // Read back outside the browser: a client of its own, signed in as the guardian.
    const api = await request.newContext({ baseURL: skolnav });
    try {
      expect((await api.post('/api/v1/session', { data: { username: guardian, password } })).ok(), 'API sign-in failed');
      const r = await api.get(`/api/v1/pupils/${encodeURIComponent(elsa.id)}/absence`);
      const reports = (await r.json()).reports || [];
      const made = reports.find((x) => x.comment === comment);
      expect(made, `the API lists no report with the comment: ${JSON.stringify(reports)}`);
      console.log(`     the API lists it: ${made.date}, "${made.comment}"`);
    } finally {
      await api.dispose();
    }
  });

  await check('every box of both children opens inside the frame', async () => {
    await sk.click('Tillbaka', { role: 'button' });
    const me = (await apiGet(sk, '/api/v1/me')).body;
    const opened = [];
    for (const pupil of me.pupils) opened.push(...await openEveryBox(sk, pupil));
    console.log(`     boxes opened in the frame: ${opened.length}`);
    expect(opened.length >= 10, `only ${opened.length} boxes opened`);
  });

  await check('a live notification reaches the frame; the bell opens Notiser there', async () => {
    if (await sk.find('Elsa', { role: 'tab' })) await sk.click('Elsa', { role: 'tab' });
    const teacher = await request.newContext({ baseURL: skolnav });
    try {
      expect((await teacher.post('/api/v1/session', { data: { username: 'demo.personal', password } })).ok(), 'teacher sign-in');
      const assignments = (await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(elsa.id)}/assignments`)).body;
      const groupId = (assignments.assignments || []).map((a) => a.group && a.group.id).find(Boolean);
      expect(groupId, 'no group of Elsa\'s found');
      const unread = async () => {
        const bell = await sk.find('Notiser', { role: 'button' });
        const m = bell && /(\d+) olästa/.exec(bell.label);
        return m ? Number(m[1]) : 0;
      };
      const before = await unread();
      const title = `Skolfoto på fredag ${Date.now() % 100000}`;
      const r = await teacher.post(`/api/v1/schools/${elsa.school.id}/news`,
        { data: { title, body: 'Kom i tid.', group_ids: [groupId] } });
      expect(r.status() === 201, `publish: ${r.status()} ${await r.text()}`);
      const end = Date.now() + 10000;
      while ((await unread()) <= before) {
        if (Date.now() > end) throw new Error(`the bell still counts ${before} unread 10 s after the news was published`);
        await sleep(50);
      }
      console.log(`     the bell: ${before} -> ${await unread()} unread, live in the frame`);
      await sk.click('Notiser', { role: 'button' });
      await sk.waitFor(title, { role: 'link' });
      await sk.screenshot(path.join(shots, 'embed-notiser.png'));
    } finally {
      await teacher.dispose();
    }
  });

  await check('a deep link opens its box inside the frame (the session kept in the frame)', async () => {
    const { stop } = await openIntranet(page, intranet, `${skolnav}/#/elev/${encodeURIComponent(elsa.id)}/franvaro`);
    stop();
    sk = await SkolnavPage.inFrame(page, 'iframe#skolnav');
    await sk.waitFor('Anmäl frånvaro', { role: 'button' });
    await sk.waitFor(comment, { role: 'text' });
    expect(await sk.find('Logga ut', { role: 'button' }), 'not signed in after loading the intranet page again');
  });

  await check('no CSP violation inside the frame', async () => {
    const violations = await sk.frame.evaluate(() => window.__csp);
    expect(violations.length === 0, `violations: ${violations.join(' | ')}`);
  });
} finally {
  await browser.close();
}
finish(sk);
