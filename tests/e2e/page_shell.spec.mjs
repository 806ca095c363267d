// The page around the client (shell.html, web/shell.js, web/shell.css) in real Chromium:
//  - one loading screen: the page's "Laddar Skolnav …" from the first paint until the
//    client's first real frame, never the canvas's own loading text as well, and none of
//    the client's widgets drawn while it shows; in English when English was chosen;
//  - the Content-Security-Policy holds: the page says it, signing in and opening every
//    box makes no violation (the 'securitypolicyviolation' events and the console are
//    watched), and an inline script injected on purpose is blocked and reported, which
//    proves the watching works.
//   SKOLNAV_URL  SKOLNAV_SHOTS  SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD
import path from 'node:path';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, openEveryBox, requireEnv, signIn } from './spec_harness.mjs';

const { url, shots, guardian } = env;
requireEnv('guardian');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// In every document: the CSP violations it reports, and what the loading screen did —
// whether any widget was drawn while it showed, and what was on the canvas when it went.
const watch = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || ''));
  });
  window.__boot = { overlap: [], hidden: null };
  function tick() {
    const boot = document.getElementById('boot');
    const showing = boot && getComputedStyle(boot).display !== 'none';
    const sk = window.skolnav && window.skolnav.ready ? window.skolnav : null;  // widgets() needs the client running
    if (showing && sk && sk.widgets().length) window.__boot.overlap.push(sk.widgets().map((w) => w.label).join(' | '));
    if (!showing && window.__boot.hidden === null && sk && sk.ready) {
      window.__boot.hidden = { frames: sk.frames(), labels: sk.widgets().map((w) => w.label) };
    }
    if (window.__boot.hidden === null) requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();`;

const browser = await launchBrowser();
const cspConsole = [];
let sk;
try {
  await browser.context.addInitScript(watch);
  const page = browser.context.pages()[0] || await browser.context.newPage();
  page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) cspConsole.push(m.text()); });
  // The client's code arrives late, as on a slow line: the loading screen has time to be seen.
  let delayWasm = true;
  await page.route('**/skolnav.wasm', async (route) => {
    if (delayWasm) await sleep(1500);
    await route.continue();
  });

  let documentHeaders = {};
  await check('one loading screen: "Laddar Skolnav …" until the first real frame, nothing drawn under it', async () => {
    const reply = await page.goto(url, { waitUntil: 'domcontentloaded' });
    documentHeaders = reply.headers();
    await sleep(700);
    const boot = await page.evaluate(() => {
      const b = document.getElementById('boot');
      const visible = (e) => e && getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().width > 0;
      return { shown: visible(b), text: b && b.innerText.trim(), arc: visible(b && b.querySelector('.arc')),
        ready: !!(window.skolnav && window.skolnav.ready) };
    });
    await page.screenshot({ path: path.join(shots, 'loading-screen.png') });
    expect(boot.shown && boot.text === 'Laddar Skolnav …', `the loading screen: ${JSON.stringify(boot)}`);
    expect(boot.arc, 'no turning arc beside the text');
    sk = new SkolnavPage(page);
    await sk.waitReady();
    await sk.waitFor('Logga in', { role: 'button' });
    const seen = await page.evaluate(() => window.__boot);
    console.log(`     loading screen gone at frame ${seen.hidden && seen.hidden.frames}, with ${seen.hidden && seen.hidden.labels.length} widgets drawn`);
    expect(seen.hidden, 'the loading screen did not go away');
    expect(seen.hidden.labels.includes('Logga in'), `when the loading screen went, the canvas had: ${seen.hidden.labels.join(' | ')}`);
    expect(seen.overlap.length === 0, `widgets drawn under the loading screen: ${seen.overlap[0]}`);
    const texts = await sk.texts();
    expect(!texts.some((t) => /Startar|Laddar/.test(t)), `a second loading text on the canvas: ${texts.join(' | ')}`);
  });

  await check('English chosen: the loading screen says "Loading Skolnav …"', async () => {
    await page.evaluate(() => localStorage.setItem('skolnav.language', 'en'));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await sleep(500);
    const text = await page.evaluate(() => document.getElementById('boot').innerText.trim());
    expect(text === 'Loading Skolnav …', `the loading screen says "${text}"`);
    await sk.waitReady();
    await sk.waitFor('Sign in', { role: 'button' });
    await page.evaluate(() => localStorage.removeItem('skolnav.language'));
    delayWasm = false;
    await sk.reload();
  });

  await check('the page is served with the policy: no inline code allowed, framed by no one', async () => {
    const csp = documentHeaders['content-security-policy'] || '';
    console.log(`     Content-Security-Policy: ${csp}`);
    expect(/script-src 'self' 'wasm-unsafe-eval'(;|$)/.test(csp), `script-src: ${csp}`);
    expect(!/unsafe-inline|'unsafe-eval'/.test(csp), `unsafe sources: ${csp}`);
    expect(/frame-ancestors 'none'/.test(csp), `frame-ancestors: ${csp}`);
    expect(documentHeaders['x-frame-options'] === 'DENY', `X-Frame-Options: ${documentHeaders['x-frame-options']}`);
  });

  // (embed.spec.mjs opens every box of both children inside a frame, watching the same.)
  await check('signing in and opening every box of a child makes no CSP violation', async () => {
    await signIn(sk, guardian);
    const me = (await apiGet(sk, '/api/v1/me')).body;
    const opened = await openEveryBox(sk, me.pupils.find((p) => p.first_name === 'Elsa'));
    await sk.click('Inställningar', { role: 'button' });
    await sk.waitFor('Tillbaka', { role: 'button' });
    console.log(`     boxes opened: ${opened.length} (${opened.join(', ')})`);
    expect(opened.length >= 10, `only ${opened.length} boxes opened`);
    const violations = await page.evaluate(() => window.__csp);
    expect(violations.length === 0 && cspConsole.length === 0,
      `violations: ${violations.join('\n     ')}\n     console: ${cspConsole.join('\n     ')}`);
    await sk.screenshot(path.join(shots, 'page-shell-signed-in.png'));
  });

  await check('an inline script injected on purpose is blocked and reported (the watch works)', async () => {
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 200));
      return !!window.__inlineRan;
    });
    const violations = await page.evaluate(() => window.__csp);
    expect(!ran, 'the inline script ran');
    expect(violations.some((v) => v.startsWith('script-src')), `no violation reported: ${violations.join(' | ')}`);
  });
} finally {
  await browser.close();
}
finish(sk);
