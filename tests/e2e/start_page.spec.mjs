// The start page in a real browser: the same guardian's start page at 360 px (one
// column) and 1280 px (three), every card the server's start-page reply lists and
// nothing else, no card's text running outside its card; the combined view of a
// guardian's children, each line tagged with its child and opening that child's box;
// a figure for the CPU time of a frame of the busiest view; no frames while idle.
//   SKOLNAV_URL  SKOLNAV_SHOTS  SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD
import path from 'node:path';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, BOX_TITLES as TITLES, check, env, expect, finish, requireEnv, signIn } from './spec_harness.mjs';

const { url, shots, guardian } = env;
requireEnv('guardian');
const inside = (w, box) => w.x >= box.x - 0.5 && w.y >= box.y - 0.5 && w.x < box.x + box.w && w.y < box.y + box.h;

// The cards on screen for the reply: each a link named by its box, in the reply's
// order (row by row), none outside the viewport, every text that starts on a card
// ending on it. Returns the cards.
async function expectCardsFit(sk, reply, width) {
  const widgets = await sk.widgets();
  const wanted = reply.cards.map((c) => TITLES[c.box]);
  const cards = widgets.filter((w) => w.role === 'link' && Object.values(TITLES).includes(w.label))
    .sort((a, b) => a.y - b.y || a.x - b.x);
  expect(JSON.stringify(cards.map((c) => c.label)) === JSON.stringify(wanted),
    `cards on screen: ${cards.map((c) => c.label).join(', ')}\n     the reply's: ${wanted.join(', ')}`);
  const texts = widgets.filter((w) => w.role === 'text');
  const problems = [];
  for (const card of cards) {
    if (card.x < 0 || card.x + card.w > width + 0.5) problems.push(`${card.label} card is outside the page (${card.x}+${card.w})`);
    for (const t of texts.filter((t) => inside(t, card))) {
      if (t.x + t.w > card.x + card.w + 0.5 || t.y + t.h > card.y + card.h + 0.5)
        problems.push(`"${t.label}" runs outside the ${card.label} card`);
    }
  }
  expect(problems.length === 0, problems.join('\n     '));
  return cards;
}

// Scrolls the page from its top until the widget is on screen (ImGui registers only
// what it draws).
async function scrollTo(sk, label) {
  const { width, height } = sk.page.viewportSize();
  await sk.page.mouse.move(width / 2, height / 2);
  await sk.page.mouse.wheel(0, -20000);
  await sk.waitIdle();
  for (let i = 0; i < 20 && !(await sk.find(label)); i++) {
    await sk.page.mouse.wheel(0, 300);
    await sk.waitIdle();
  }
  return sk.waitFor(label);
}

const browser = await launchBrowser();
let sk;
try {
  sk = await SkolnavPage.open(browser.context, url, { viewport: { width: 1280, height: 900 } });
  await signIn(sk, guardian);
  const me = (await apiGet(sk, '/api/v1/me')).body;
  const elsa = me.pupils.find((p) => p.first_name === 'Elsa');
  const olle = me.pupils.find((p) => p.first_name === 'Olle');
  const starts = {};
  // The start-page reply as cards: { box, summary, unread }.
  for (const p of me.pupils) {
    const reply = (await apiGet(sk, `/api/v1/pupils/${p.id}/start`)).body;
    starts[p.id] = { cards: reply.boxes.map((b) => ({ box: b.box, summary: b.card.summary, unread: b.card.unread || 0 })) };
  }

  await check('1280 px: three columns of cards, exactly the reply\'s, none overflowing', async () => {
    await sk.click('Elsa', { role: 'tab' });
    const cards = await expectCardsFit(sk, starts[elsa.id], 1280);
    const columns = new Set(cards.map((c) => Math.round(c.x))).size;
    expect(columns === 3, `${columns} columns at 1280 px`);
    for (const c of starts[elsa.id].cards.filter((c) => c.summary).slice(0, 6))
      expect((await sk.texts()).some((t) => c.summary.startsWith(t.replace(/ …$/, ''))), `no summary "${c.summary}"`);
    await sk.screenshot(path.join(shots, 'start-page-1280.png'));
  });

  await check('360 px: one column, every card inside the phone\'s width, none overflowing', async () => {
    await sk.page.setViewportSize({ width: 360, height: 740 });
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'start-page-360.png'));
    // The page is taller than the phone: check it screen by screen.
    const seen = new Set();
    for (let i = 0; i < 12; i++) {
      const widgets = await sk.widgets();
      const cards = widgets.filter((w) => w.role === 'link' && Object.values(TITLES).includes(w.label));
      for (const card of cards) {
        // 16 px margins; the scrollbar may take a few pixels at the right.
        expect(Math.abs(card.x - 16) < 1 && card.w > 300 && card.x + card.w <= 344.5, `${card.label} at x ${card.x}, ${card.w} wide`);
        if (card.y >= 0 && card.y + card.h <= 740) {
          for (const t of widgets.filter((t) => t.role === 'text' && inside(t, card)))
            expect(t.x + t.w <= card.x + card.w + 0.5 && t.y + t.h <= card.y + card.h + 0.5,
              `"${t.label}" runs outside the ${card.label} card at 360 px`);
          seen.add(card.label);
        }
      }
      await sk.page.mouse.move(180, 400);
      await sk.page.mouse.wheel(0, 400);
      await sk.waitIdle();
    }
    const wanted = starts[elsa.id].cards.map((c) => TITLES[c.box]);
    const missing = wanted.filter((t) => !seen.has(t));
    expect(missing.length === 0, `never fully on screen at 360 px: ${missing.join(', ')}`);
    await sk.page.setViewportSize({ width: 1280, height: 900 });
    await sk.waitIdle();
  });

  await check('Olle\'s start page (förskola) has only his school\'s boxes', async () => {
    await sk.click('Olle', { role: 'tab' });
    await sk.waitFor(TITLES[starts[olle.id].cards[0].box], { role: 'link' });
    await expectCardsFit(sk, starts[olle.id], 1280);
    expect(!(await sk.find('Schema', { role: 'link' })), 'a Schema card for a förskola child');
  });

  await check('combined view: every box with one line per child, tagged, with that child\'s summary', async () => {
    await sk.click('Alla barn', { role: 'tab' });
    await sk.waitFor(`Frånvaro – Elsa`, { role: 'link' });
    await sk.screenshot(path.join(shots, 'start-page-combined-1280.png'));
    const problems = [];
    for (const p of [elsa, olle]) {
      for (const card of starts[p.id].cards) {
        const label = `${TITLES[card.box]} – ${p.first_name}`;
        const line = await scrollTo(sk, label);
        const texts = (await sk.widgets()).filter((w) => w.role === 'text' && inside(w, line));
        if (!texts.some((t) => t.label === p.first_name)) problems.push(`${label}: no name tag`);
        const summary = card.summary || 'Öppna för att se mer';
        if (!texts.some((t) => summary.startsWith(t.label.replace(/ …$/, ''))))
          problems.push(`${label}: "${summary}" not shown (has ${texts.map((t) => t.label).join(' | ')})`);
      }
    }
    // No line for a box the child's school does not have.
    expect(!(await sk.find('Schema – Olle')), 'a Schema line for Olle');
    expect(problems.length === 0, problems.join('\n     '));
  });

  await check('combined view: a line opens that child\'s box; back returns to the combined view', async () => {
    await sk.page.mouse.move(640, 450);
    await sk.page.mouse.wheel(0, -10000);
    await sk.waitIdle();
    await sk.click('Information – Olle', { role: 'link' });
    await sk.waitFor('Tillbaka', { role: 'button' });
    const texts = await sk.texts();
    expect(texts.some((t) => t.startsWith('Olle Lindqvist')), `not Olle's view: ${texts.slice(0, 8).join(' | ')}`);
    expect(decodeURI(await sk.page.evaluate(() => location.hash)) === `#/elev/${olle.id}/information`, 'wrong address');
    await sk.page.goBack();
    await sk.waitFor('Information – Olle', { role: 'link' });
  });

  await check('combined view at 360 px fits the phone', async () => {
    await sk.page.setViewportSize({ width: 360, height: 740 });
    await sk.waitIdle();
    const lines = (await sk.widgets()).filter((w) => w.role === 'link' && w.label.includes(' – '));
    expect(lines.length > 0, 'no lines');
    for (const l of lines) expect(l.x >= 0 && l.x + l.w <= 360.5, `${l.label} outside the phone's width`);
    await sk.screenshot(path.join(shots, 'start-page-combined-360.png'));
    await sk.page.setViewportSize({ width: 1280, height: 900 });
    await sk.waitIdle();
  });

  await check('the client draws no frames while idle (5 s)', async () => {
    const frames = await sk.framesWhileIdle(5000);
    console.log(`     frames drawn in 5 s idle: ${frames}`);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('figure: CPU time to build a frame of the busiest views', async () => {
    const figures = [];
    for (const [box, name] of [['kalender', 'Kalender month'], ['schema', 'Schema week'], ['', 'start page']]) {
      await sk.page.goto(`${url}/#/elev/${elsa.id}${box ? `/${box}` : ''}`);
      await sk.waitReady();
      if (box === 'kalender') await sk.click('Månad', { role: 'tab' });
      if (box === 'schema') await sk.click('Vecka', { role: 'tab' });
      const times = [];
      for (let i = 0; i < 15; i++) {
        await sk.page.mouse.move(200 + i * 50, 300 + (i % 7) * 60);
        await sk.waitIdle({ quietMs: 30 });
        times.push(await sk.page.evaluate(() => window.skolnav.frameBuildMs()));
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)], worst = times[times.length - 1];
      figures.push(`${name}: median ${median.toFixed(2)} ms, slowest ${worst.toFixed(2)} ms`);
      expect(median > 0, `${name}: no frame time measured`);
    }
    console.log(`     frame build time over 15 frames each (1280 px):\n       ${figures.join('\n       ')}`);
  });
  await check('another family\'s child, or a box the child lacks, is a plain "Hittades inte"', async () => {
    const notFound = async (hash) => {
      await sk.page.goto(`${url}/${hash}`);
      await sk.waitReady();
      await sk.waitFor('Hittades inte', { role: 'text' });
      return (await sk.texts()).filter((t) => t !== 'Anna Lindqvist' && t !== 'Mohammed Hassan');
    };
    // A guardian and eTest: the box is the pupil's own.
    await notFound(`#/elev/${elsa.id}/etest`);
    await sk.click('Logga ut', { role: 'button' });
    await signIn(sk, 'demo.vh2');
    const other = await notFound(`#/elev/${elsa.id}/information`);
    const never = await notFound('#/elev/finns-inte/information');
    expect(JSON.stringify(other) === JSON.stringify(never),
      `another family's child differs from an id that never existed:\n     ${other.join(' | ')}\n     ${never.join(' | ')}`);
    expect(!other.some((t) => t.includes('Elsa')), `Elsa named: ${other.join(' | ')}`);
    await sk.screenshot(path.join(shots, 'not-found-1280.png'));
    await sk.click('Till startsidan', { role: 'button' });
    await sk.waitFor('Amira', { role: 'tab' });
  });

  await check('the page has its app icon (the browser tab, bookmarks): an SVG the server sends', async () => {
    const icon = await sk.page.evaluate(async () => {
      const link = document.querySelector('link[rel="icon"]');
      if (!link) return null;
      const r = await fetch(link.href);
      return { href: link.href, status: r.status, type: r.headers.get('content-type'), text: await r.text() };
    });
    expect(icon, 'no <link rel="icon">');
    expect(icon.status === 200 && icon.type === 'image/svg+xml', `${icon.href}: ${icon.status} ${icon.type}`);
    expect(icon.text.includes('<svg') && icon.text.includes('<title>Skolnav</title>'), `not the Skolnav icon: ${icon.text.slice(0, 80)}`);
    const shot = await sk.page.context().newPage();
    await shot.setViewportSize({ width: 128, height: 128 });
    await shot.goto(icon.href);
    await shot.screenshot({ path: path.join(shots, 'app-icon.png') });
    await shot.close();
  });
} finally {
  await browser.close();
}
finish(sk);
