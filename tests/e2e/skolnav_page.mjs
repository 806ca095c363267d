// Drives the Skolnav web client in Debian's Chromium through playwright-core.
// The client draws everything on a canvas, so tests find widgets by label through the
// client's widget registry (window.skolnav.widgets(): label, role, rectangle in CSS
// pixels, refreshed every frame) and click the centre of their rectangle. Skolnav may be
// the page or a frame in it (SkolnavPage.inFrame: an intranet page embedding it).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

const INTERACTIVE = new Set(['button', 'link', 'input', 'radio', 'tab', 'checkbox', 'combo']);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A fresh browser with its own profile (no cookies from earlier runs).
export async function launchBrowser({ headless = true, hasTouch = false } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'skolnav-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: Number(process.env.SKOLNAV_DPR || 1),
    locale: 'sv-SE',
    hasTouch,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export class SkolnavPage {
  // `frame`: Skolnav's frame (default: the page itself); `offset`: where that frame's
  // top-left corner is on the page, for the mouse.
  constructor(page, frame = page.mainFrame(), offset = { x: 0, y: 0 }) {
    this.page = page;
    this.frame = frame;
    this.offset = offset;
    this.consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') this.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  static async open(context, url, { viewport } = {}) {
    const page = context.pages()[0] || await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    const sk = new SkolnavPage(page);
    await page.goto(url);
    await sk.waitReady();
    return sk;
  }

  // Skolnav in the <iframe> `selector` of the page already open.
  static async inFrame(page, selector) {
    const element = await page.waitForSelector(selector);
    const box = await element.boundingBox();
    const sk = new SkolnavPage(page, await element.contentFrame(), { x: box.x, y: box.y });
    sk.frameSize = { width: box.width, height: box.height };
    await sk.waitReady();
    return sk;
  }

  // The size of Skolnav's viewport: the page's, or its frame's.
  viewportSize() { return this.frameSize || this.page.viewportSize(); }

  async waitReady(timeout = 30000) {
    await this.frame.waitForFunction(() => window.skolnav && window.skolnav.ready, null, { timeout });
    await this.waitIdle();
  }

  async reload() {
    await this.page.reload();
    await this.waitReady();
  }

  widgets() { return this.frame.evaluate(() => window.skolnav.widgets()); }
  texts() { return this.frame.evaluate(() => window.skolnav.texts()); }
  frames() { return this.frame.evaluate(() => window.skolnav.frames()); }

  // Finds a widget by label: exact match first, then a label starting with it, then one
  // containing it. Interactive widgets win over text unless a role is asked for.
  async find(label, { role } = {}) {
    const all = await this.widgets();
    const pool = role ? all.filter((w) => w.role === role)
      : [...all.filter((w) => INTERACTIVE.has(w.role)), ...all.filter((w) => !INTERACTIVE.has(w.role))];
    return pool.find((w) => w.label === label) || pool.find((w) => w.label.startsWith(label)) ||
      pool.find((w) => w.label.includes(label)) || null;
  }

  async findAll(label, { role } = {}) {
    const all = await this.widgets();
    return all.filter((w) => (!role || w.role === role) && w.label.includes(label));
  }

  async waitFor(label, { role, timeout = 15000 } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const w = await this.find(label, { role });
      if (w) return w;
      if (Date.now() > end) {
        const seen = (await this.widgets()).map((x) => `${x.role}:${x.label}`).join(' | ');
        throw new Error(`"${label}"${role ? ` (${role})` : ''} did not appear; on screen: ${seen}`);
      }
      await sleep(50);
    }
  }

  async waitGone(label, { role, timeout = 15000 } = {}) {
    const end = Date.now() + timeout;
    while (await this.find(label, { role })) {
      if (Date.now() > end) throw new Error(`"${label}" is still on screen`);
      await sleep(50);
    }
  }

  // Scrolls the page (down, then back up) until the widget is wholly on screen: ImGui
  // registers only what it draws. Returns it, or fails like waitFor.
  async reveal(label, { role } = {}) {
    for (const dy of [300, -300]) {
      for (let i = 0; i < 20; i++) {
        const w = await this.find(label, { role });
        const { width, height } = this.viewportSize();
        if (w && w.y >= 0 && w.y + w.h <= height) return w;
        await this.page.mouse.move(this.offset.x + width / 2, this.offset.y + height / 2);
        await this.page.mouse.wheel(0, dy);
        await this.waitIdle();
      }
    }
    return this.waitFor(label, { role, timeout: 1000 });
  }

  // Clicks the centre of a widget found by label (or a widget object from find()).
  async click(labelOrWidget, { role } = {}) {
    const w = typeof labelOrWidget === 'string' ? await this.waitFor(labelOrWidget, { role }) : labelOrWidget;
    if (w.disabled) throw new Error(`"${w.label}" is disabled`);
    await this.page.mouse.click(this.offset.x + w.x + w.w / 2, this.offset.y + w.y + Math.min(w.h / 2, 20));
    await this.waitIdle();
    return w;
  }

  // Taps the centre of a widget with a finger (touch events, as on a phone).
  async tap(label, { role } = {}) {
    const w = typeof label === 'string' ? await this.waitFor(label, { role }) : label;
    await this.page.touchscreen.tap(this.offset.x + w.x + w.w / 2, this.offset.y + w.y + Math.min(w.h / 2, 20));
    await this.waitIdle();
    return w;
  }

  // Clicks a text field by its label and types (å ä ö included) once it has focus,
  // replacing what the field held.
  async type(label, text) {
    await this.click(label, { role: 'input' });
    await this.frame.waitForFunction(() => window.skolnav.textFocused(), null, { timeout: 5000 });
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text);
    await this.waitIdle();
  }

  async press(key) {
    await this.page.keyboard.press(key);
    await this.waitIdle();
  }

  // Waits until nothing is in flight and no frame has been drawn for `quietMs`.
  async waitIdle({ quietMs = 250, timeout = 15000 } = {}) {
    const end = Date.now() + timeout;
    let last = await this.frames();
    let quietSince = Date.now();
    for (;;) {
      await sleep(50);
      const [frames, busy] = await this.frame.evaluate(() => [window.skolnav.frames(), window.skolnav.busy()]);
      if (frames !== last || busy) { last = frames; quietSince = Date.now(); }
      else if (Date.now() - quietSince >= quietMs) return;
      if (Date.now() > end) throw new Error('the client did not become idle');
    }
  }

  // Frames drawn during `ms` of doing nothing.
  async framesWhileIdle(ms) {
    const before = await this.frames();
    await sleep(ms);
    return (await this.frames()) - before;
  }

  async screenshot(file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }
}
