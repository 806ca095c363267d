// eTest end to end in a real browser against a running Skolnav server: the pupil Elsa
// opens eTest from her start page and sees the API's tests by state (open now with its
// closing time, upcoming with its opening time); opens an open test and sees its
// questions one a page with the API's options; answers every kind of question (single
// choice, multiple choice, free text with å ä ö), leaving one out at first: the review
// names the unanswered question and nothing reaches the server; she answers it, asks to
// hand in, backs out once; with the connection gone handing in fails with the reason,
// and after a reload her answers are all back (kept in the browser); then she
// confirms: the screen shows the test handed in with her
// answers read-only and the API has exactly those answers; it cannot be handed in
// twice (API 409, and a test handed in behind the screen's back shows the server's
// word and the handed-in answers); a test that closed while she wrote shows the
// server's message in plain words. Denials: the guardian has no eTest card, the deep
// link shows no test, and the API answers the guardian (and another pupil) 404.
// Screenshots of the list, a question, the confirmation and the handed-in test at 1280
// and 360 px.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, pupil, password } = env;
requireEnv('guardian', 'pupil');
const child = 'Elsa';
const WIDE = { width: 1280, height: 800 };
const TALL = { width: 1280, height: 1500 };
const PHONE = { width: 360, height: 780 };
const MARGIN = 16;  // the page's side margin on a phone
// Text-like buttons whose frame reaches into the margin so that their text lines up.
const QUIET = new Set(['Tillbaka', 'Tillbaka till proven', 'Logga ut']);

// --- Swedish dates as the view writes them ----------------------------------------------
const DAYS = ['sön', 'mån', 'tis', 'ons', 'tors', 'fre', 'lör'];
const MONTHS = ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'];
// "2026-12-07T08:00:00+01:00" → "mån 7 dec kl. 08:00"
function dateTime(iso) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const wd = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${wd} ${d} ${MONTHS[m - 1]} kl. ${iso.slice(11, 16)}`;
}
const questionsText = (n) => (n === 1 ? '1 fråga' : `${n} frågor`);
const whenText = (t) => ({
  open: `Stänger ${dateTime(t.closes_at)}`,
  upcoming: `Öppnar ${dateTime(t.opens_at)}`,
  submitted: t.submitted_at ? `Inlämnat ${dateTime(t.submitted_at)}` : '',
  closed: `Stängde ${dateTime(t.closes_at)} · inte inlämnat`,
}[t.status]);
const TAG = { open: 'Öppet', upcoming: 'Kommande', submitted: 'Inlämnat', closed: 'Stängt' };
const SECTION = { open: 'Öppna nu', upcoming: 'Kommande', submitted: 'Inlämnade', closed: 'Stängda' };
// The order the view promises inside each section.
const ORDER = {
  open: (a, b) => a.closes_at.localeCompare(b.closes_at),
  upcoming: (a, b) => a.opens_at.localeCompare(b.opens_at),
  submitted: (a, b) => b.submitted_at.localeCompare(a.submitted_at),
  closed: (a, b) => b.closes_at.localeCompare(a.closes_at),
};
// An instant the server reads: "2026-12-01T05:07:50Z".
const instant = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- Driving the page ---------------------------------------------------------------------

async function toTop(sk) {
  await sk.page.mouse.move(sk.page.viewportSize().width / 2, 300);
  await sk.page.mouse.wheel(0, -5000);
  await sk.waitIdle();
}
async function shot(sk, file) {
  await sk.page.mouse.move(2, sk.page.viewportSize().height - 5);
  await sk.waitIdle();
  await sk.screenshot(path.join(shots, file));
}
// The same screen at phone width (scrolled to `label` if given), then back.
async function phoneShot(sk, file, label, role) {
  const before = sk.page.viewportSize();
  await sk.page.setViewportSize(PHONE);
  await sk.waitIdle();
  if (label) await sk.reveal(label, { role });
  for (const w of await sk.widgets()) {
    if (w.y < 0 || w.y >= PHONE.height) continue;
    if (!['text', 'button', 'radio', 'checkbox', 'tab', 'link', 'input'].includes(w.role)) continue;
    const [left, right] = QUIET.has(w.label) ? [0, PHONE.width] : [MARGIN, PHONE.width - MARGIN];
    expect(w.x >= left - 0.5 && w.x + w.w <= right + 0.5,
      `at 360 px "${w.label}" reaches outside ${left ? 'the page\'s column' : 'the screen'} (x ${w.x}, w ${w.w})`);
  }
  await shot(sk, file);
  await sk.page.setViewportSize(before);
  await sk.waitIdle();
}

async function openETest(sk) {
  if (await sk.find(child, { role: 'tab' })) await sk.click(child, { role: 'tab' });
  await sk.click(await sk.reveal('eTest', { role: 'link' }));
  await sk.waitFor('Öppna nu', { role: 'text' });
}

// The list on screen against the API's: each test as a card under its state's heading,
// in the promised order, with its tag, group and number of questions, and when it
// opens, closes or was handed in.
async function expectListMatches(sk, tests) {
  for (const t of tests) await sk.waitFor(t.title, { role: 'link' });
  const all = await sk.widgets();
  const headings = Object.entries(SECTION)
    // A heading starts at the left edge ("Kommande" is also a card's tag, at the right).
    .map(([status, label]) => ({ status, w: all.filter((w) => w.role === 'text' && w.label === label).sort((a, b) => a.x - b.x)[0] }))
    .filter((h) => h.w)
    .sort((a, b) => a.w.y - b.w.y);
  const cards = all.filter((w) => w.role === 'link' && tests.some((t) => t.title === w.label)).sort((a, b) => a.y - b.y);
  const texts = all.filter((w) => w.role === 'text');
  for (const status of Object.keys(SECTION)) {
    const want = tests.filter((t) => t.status === status).sort(ORDER[status]).map((t) => t.title);
    const h = headings.find((x) => x.status === status);
    if (!want.length) {
      if (status === 'open') expect(texts.some((w) => w.label === 'Inga prov är öppna just nu.'), 'no word that nothing is open');
      else expect(!h, `heading "${SECTION[status]}" shown with no test in it`);
      continue;
    }
    expect(h, `no heading "${SECTION[status]}"; on screen: ${texts.map((w) => w.label).join(' | ')}`);
    const next = headings.find((x) => x.w.y > h.w.y);
    const under = cards.filter((c) => c.y > h.w.y && (!next || c.y < next.w.y)).map((c) => c.label);
    expect(JSON.stringify(under) === JSON.stringify(want),
      `under "${SECTION[status]}": ${under.join(' | ')}; the API's: ${want.join(' | ')}`);
  }
  for (const t of tests) {
    const card = cards.find((c) => c.label === t.title);
    const inside = texts.filter((w) => w.y >= card.y && w.y + w.h <= card.y + card.h + 1).map((w) => w.label);
    for (const want of [TAG[t.status], whenText(t), `${t.group.name} · ${questionsText(t.question_count)}`])
      expect(inside.includes(want), `card "${t.title}" lacks "${want}"; it says: ${inside.join(' | ')}`);
  }
}

// --- The API ---------------------------------------------------------------------------------

async function signedIn(user) {
  const c = await request.newContext({ baseURL: url });
  const r = await c.post('/api/v1/session', { data: { username: user, password } });
  expect(r.ok(), `${user} sign-in failed: ${r.status()}`);
  return c;
}

// A published test for the group, created by the teacher; returns its id.
async function createTest(staff, groupId, body) {
  const r = await staff.post(`/api/v1/groups/${groupId}/etests`, { data: { published: true, ...body } });
  expect(r.status() === 201, `creating "${body.title}": ${r.status()} ${await r.text()}`);
  return (await r.json()).etest.id;
}

// What the pupil will answer: per question, what to click and what the API must keep.
const ESSAY = 'I lördags åkte jag skridskor på sjön med min bror.\nSedan drack vi varm choklad – åäö ÅÄÖ!';
function plan(questions) {
  return questions.map((q) => {
    if (q.type === 'single') {
      const c = 1 % q.options.length;
      return { q, click: [q.options[c]], stored: { choices: [c], text: '' }, shown: [q.options[c]] };
    }
    if (q.type === 'multiple') {
      const cs = [0, q.options.length - 1];
      return { q, click: cs.map((i) => q.options[i]), stored: { choices: cs, text: '' }, shown: cs.map((i) => q.options[i]) };
    }
    return { q, text: ESSAY, stored: { choices: [], text: ESSAY }, shown: [ESSAY] };
  });
}

// Answers the question on screen as planned, checking the widgets it offers first.
async function answer(sk, step, index, total) {
  const { q } = step;
  await sk.waitFor(`Fråga ${index + 1} av ${total}`, { role: 'text' });
  await sk.waitFor(q.text, { role: 'text' });
  if (q.type === 'text') {
    expect(!(await sk.find('', { role: 'radio' })) && !(await sk.find('', { role: 'checkbox' })), 'a text question offers choices');
    await sk.reveal('Ditt svar', { role: 'input' });
    await sk.type('Ditt svar', step.text);
    await sk.page.mouse.click(2, 2);  // leave the field: its text is kept
    await sk.waitIdle();
    await sk.waitFor(`${[...step.text].length} av 5000 tecken`, { role: 'text' });
    return;
  }
  const role = q.type === 'single' ? 'radio' : 'checkbox';
  const rows = (await sk.widgets()).filter((w) => w.role === role).sort((a, b) => a.y - b.y);
  expect(JSON.stringify(rows.map((w) => w.label)) === JSON.stringify(q.options),
    `${role} rows on screen: ${rows.map((w) => w.label).join(' | ')}; the API's options: ${q.options.join(' | ')}`);
  expect(rows.every((w) => w.checked === false), 'an option is chosen before the pupil chose');
  for (const label of step.click) await sk.click(await sk.reveal(label, { role }));
  const after = (await sk.widgets()).filter((w) => w.role === role);
  for (const w of after)
    expect(w.checked === step.click.includes(w.label), `"${w.label}" is ${w.checked ? '' : 'not '}chosen`);
}

async function next(sk) {
  const last = await sk.find('Granska och lämna in', { role: 'button' });
  await sk.click(last || await sk.reveal('Nästa', { role: 'button' }));
}

// The review's answer summaries (the tall window holds the whole review): each
// question's answer texts, or the missing mark.
async function expectReview(sk, steps, missing) {
  await sk.waitFor('Lämna in provet', { role: 'button' });
  await toTop(sk);
  const seen = await sk.texts();
  steps.forEach((s, i) => {
    if (missing.includes(i)) return;
    for (const want of s.shown) expect(seen.includes(want), `review lacks answer "${want}" to question ${i + 1}`);
  });
  const notAnswered = seen.filter((t) => t === 'Inte besvarad').length;
  expect(notAnswered === missing.length, `"Inte besvarad" shown ${notAnswered} times, ${missing.length} unanswered`);
}

const browser = await launchBrowser();
let sk, pupilId, groupId, taken, steps, elev, staff, list;
const listPath = () => `/api/v1/pupils/${encodeURIComponent(pupilId)}/etests`;
const testPath = (id) => `${listPath()}/${encodeURIComponent(id)}`;
const apiList = async () => {
  const r = await apiGet(sk, listPath());
  expect(r.status === 200, `GET etests answered ${r.status}`);
  return r.body.etests;
};
try {
  await check('set-up: the teacher publishes an upcoming test for the class (and an open one if the demo has none)', async () => {
    elev = await signedIn(pupil);
    const me = await (await elev.get('/api/v1/me')).json();
    pupilId = me.pupils.find((p) => p.first_name === child).id;
    const first = await (await elev.get(`/api/v1/pupils/${pupilId}/etests`)).json();
    staff = await signedIn('demo.personal');
    groupId = first.etests[0]?.group.id;
    if (!groupId) {
      const groups = await (await staff.get('/api/v1/me')).json();
      groupId = groups.groups?.[0]?.id;
    }
    expect(groupId, 'no group id for Elsa\'s class');
    const day = 86400000;
    await createTest(staff, groupId, {
      title: 'Matteprov: bråk och procent', instructions: 'Ta med penna och sudd.',
      opens_at: instant(Date.now() + 2 * day), closes_at: instant(Date.now() + 3 * day),
      questions: [{ type: 'single', text: 'Vad är 1/2 i procent?', options: ['25 %', '50 %'], correct: [1] }],
    });
    if (!first.etests.some((t) => t.status === 'open'))
      await createTest(staff, groupId, {
        title: 'Förhör: Sveriges städer', instructions: 'Svara på alla frågor.',
        opens_at: instant(Date.now() - 60000), closes_at: instant(Date.now() + 2 * day),
        questions: [
          { type: 'single', text: 'Vilken stad ligger vid Göta älv?', options: ['Malmö', 'Göteborg', 'Umeå'], correct: [1] },
          { type: 'multiple', text: 'Vilka städer ligger i Norrland?', options: ['Luleå', 'Lund', 'Örnsköldsvik'], correct: [0, 2] },
          { type: 'text', text: 'Vilken stad skulle du vilja besöka, och varför?', options: [], correct: [] },
        ],
      });
  });

  await check('the pupil opens eTest from her start page card, which says what the API says', async () => {
    sk = await SkolnavPage.open(browser.context, url, { viewport: TALL });
    await signIn(sk, pupil);
    const start = await apiGet(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/start`);
    const card = start.body.boxes.find((b) => b.box === 'etest');
    expect(card, 'the start page API has no etest box for the pupil');
    await sk.waitFor('eTest', { role: 'link' });
    await sk.waitFor(card.card.summary, { role: 'text' });
    await openETest(sk);
  });

  await check('the list is the API\'s: open now (with closing time) and upcoming (with opening time)', async () => {
    list = await apiList();
    expect(list.some((t) => t.status === 'open') && list.some((t) => t.status === 'upcoming'),
      `the API's states: ${list.map((t) => t.status).join(', ')}`);
    await expectListMatches(sk, list);
    await sk.page.setViewportSize(WIDE);
    await toTop(sk);
    await shot(sk, 'etest-list-1280.png');
    await phoneShot(sk, 'etest-list-360.png');
    await sk.page.setViewportSize(TALL);
    await sk.waitIdle();
  });

  await check('opening an open test shows its instructions and the first question with the API\'s options', async () => {
    taken = list.filter((t) => t.status === 'open').sort(ORDER.open)[0];
    await sk.click(await sk.reveal(taken.title, { role: 'link' }));
    await sk.waitFor('Tillbaka till proven', { role: 'button' });
    const detail = (await apiGet(sk, testPath(taken.id))).body.etest;
    expect(detail.questions.length === taken.question_count, 'the API\'s question count differs from its questions');
    expect(!detail.questions.some((q) => 'correct' in q), 'the API shows the pupil the correct answers');
    steps = plan(detail.questions);
    await sk.waitFor(`Fråga 1 av ${detail.questions.length}`, { role: 'text' });
    const texts = await sk.texts();
    expect(texts.includes(taken.title), `title "${taken.title}" not shown`);
    if (detail.instructions) expect(texts.includes(detail.instructions), 'the instructions are not shown');
    expect(texts.some((t) => t.startsWith(`Stänger ${dateTime(taken.closes_at)}`)), `no "Stänger ${dateTime(taken.closes_at)}"`);
    // One numbered tab per question, and the review.
    for (let i = 1; i <= detail.questions.length; i++) expect(await sk.find(String(i), { role: 'tab' }), `no tab "${i}"`);
    expect(await sk.find('Granska', { role: 'tab' }), 'no "Granska" tab');
    expect(!(await sk.find('Lämna in provet', { role: 'button' })), '"Lämna in provet" before the review');
    const types = new Set(detail.questions.map((q) => q.type));
    expect(types.has('text') && (types.has('single') || types.has('multiple')),
      `the test has only ${[...types].join(', ')} questions`);
  });

  await check('she answers every question but one; the review names the unanswered one and nothing is sent', async () => {
    const skip = 1;
    for (let i = 0; i < steps.length; i++) {
      if (i !== skip) await answer(sk, steps[i], i, steps.length);
      else await sk.waitFor(`Fråga ${i + 1} av ${steps.length}`, { role: 'text' });
      if (i === 0 || (steps[i].q.type === 'text' && i !== skip)) {
        const name = i === 0 ? 'question' : 'question-text';
        await sk.page.setViewportSize(WIDE);
        await sk.reveal(i === steps.length - 1 ? 'Granska och lämna in' : 'Nästa', { role: 'button' });
        await shot(sk, `etest-${name}-1280.png`);
        await phoneShot(sk, `etest-${name}-360.png`, i === steps.length - 1 ? 'Granska och lämna in' : 'Nästa', 'button');
        await sk.page.setViewportSize(TALL);
        await sk.waitIdle();
      }
      await next(sk);
    }
    await sk.waitFor(`Du har inte besvarat fråga ${skip + 1}.`, { role: 'text' });
    await expectReview(sk, steps, [skip]);
    const now = (await apiGet(sk, testPath(taken.id))).body.etest;
    expect(now.status === 'open' && now.answers === null, `the server already has answers: ${JSON.stringify(now.answers)}`);
    // The answers stay in the client: the list says the test is started, and they are
    // all there when she comes back.
    await sk.click(await sk.reveal('Tillbaka till proven', { role: 'button' }));
    await sk.waitFor(`Påbörjat: ${steps.length - 1} av ${steps.length} besvarade, inte inlämnat`, { role: 'text' });
    await sk.click(await sk.reveal(taken.title, { role: 'link' }));
    await expectReview(sk, steps, [skip]);
    // The way back to the question: its tab.
    await toTop(sk);
    await sk.click(String(skip + 1), { role: 'tab' });
    await answer(sk, steps[skip], skip, steps.length);
    await sk.click('Granska', { role: 'tab' });
    await sk.waitFor('Lämna in provet', { role: 'button' });
    await toTop(sk);
    expect(!(await sk.texts()).some((t) => t.startsWith('Du har inte besvarat')), 'still warned after answering');
    await expectReview(sk, steps, []);
  });

  await check('"Lämna in provet" asks first: "Avbryt" sends nothing', async () => {
    await sk.click(await sk.reveal('Lämna in provet', { role: 'button' }));
    await sk.waitFor('Lämna in provet?', { role: 'text' });
    expect(await sk.find('Du kan inte ändra dina svar efteråt.', { role: 'text' }), 'no word that answers cannot be changed');
    expect(await sk.find('Ja, lämna in', { role: 'button' }), 'no "Ja, lämna in"');
    await sk.page.setViewportSize(WIDE);
    await sk.waitIdle();
    await sk.reveal('Ja, lämna in', { role: 'button' });
    await shot(sk, 'etest-confirm-1280.png');
    await phoneShot(sk, 'etest-confirm-360.png', 'Ja, lämna in', 'button');
    await sk.page.setViewportSize(TALL);
    await sk.waitIdle();
    await sk.click(await sk.reveal('Avbryt', { role: 'button' }));
    await sk.waitGone('Ja, lämna in', { role: 'button' });
    const now = (await apiGet(sk, testPath(taken.id))).body.etest;
    expect(now.status === 'open' && now.answers === null, '"Avbryt" handed the test in');
  });

  const PHONE390 = { width: 390, height: 844 };
  const keptKeys = () => sk.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('skolnav.etest.')));
  await check('her answers survive a lost connection and a reload before handing in: the browser keeps them', async () => {
    const keys = await keptKeys();
    expect(keys.some((k) => k.endsWith(`.${taken.id}`)), `nothing kept for the test in localStorage: ${keys.join(', ')}`);
    // The connection goes: handing in fails with the reason, and the answers stay.
    await browser.context.setOffline(true);
    try {
      await sk.click(await sk.reveal('Lämna in provet', { role: 'button' }));
      await sk.click(await sk.reveal('Ja, lämna in', { role: 'button' }));
      await sk.waitFor('Det gick inte att nå Skolnav', { role: 'text', timeout: 10000 });
      await sk.waitFor('Ingen kontakt med servern – försöker igen …', { role: 'text', timeout: 10000 });
      await sk.page.setViewportSize(WIDE);
      await sk.reveal('Lämna in provet', { role: 'button' });
      await shot(sk, 'etest-offline-1280.png');
      await sk.page.setViewportSize(PHONE390);
      await sk.reveal('Lämna in provet', { role: 'button' });
      await shot(sk, 'etest-offline-390.png');
      await sk.page.setViewportSize(TALL);
      await sk.waitIdle();
    } finally {
      await browser.context.setOffline(false);
    }
    const now = (await apiGet(sk, testPath(taken.id))).body.etest;
    expect(now.status === 'open' && now.answers === null, `the server has answers: ${JSON.stringify(now.answers)}`);
    // A reload (a closed tab, a crash): the same test, every answer still there.
    await sk.reload();
    await expectReview(sk, steps, []);
    await sk.page.setViewportSize(PHONE390);
    await sk.waitIdle();
    await toTop(sk);
    await shot(sk, 'etest-reloaded-390.png');
    await sk.page.setViewportSize(WIDE);
    await toTop(sk);
    await shot(sk, 'etest-reloaded-1280.png');
    await sk.page.setViewportSize(TALL);
    await sk.waitIdle();
  });

  await check('confirming hands it in: the screen shows it handed in, read-only, and the API has exactly her answers', async () => {
    await sk.click(await sk.reveal('Lämna in provet', { role: 'button' }));
    await sk.click(await sk.reveal('Ja, lämna in', { role: 'button' }));
    await sk.waitFor('Provet är inlämnat.', { role: 'text' });
    const now = (await apiGet(sk, testPath(taken.id))).body.etest;
    expect(now.status === 'submitted', `the API's status is ${now.status}`);
    const want = steps.map((s) => s.stored);
    expect(JSON.stringify(now.answers) === JSON.stringify(want),
      `the API's answers:\n       ${JSON.stringify(now.answers)}\n     given:\n       ${JSON.stringify(want)}`);
    const kept = await keptKeys();
    expect(!kept.some((k) => k.endsWith(`.${taken.id}`)), `the browser still keeps the handed-in answers: ${kept.join(', ')}`);
    await toTop(sk);
    const texts = await sk.texts();
    expect(texts.includes('Inlämnat'), 'no "Inlämnat" tag');
    expect(texts.some((t) => t.startsWith(`Inlämnat ${dateTime(now.submitted_at)}`)), `no "Inlämnat ${dateTime(now.submitted_at)}"`);
    expect(texts.includes('Dina svar'), 'no "Dina svar"');
    const seen = texts;
    for (const s of steps) for (const a of s.shown) expect(seen.includes(a), `handed-in answer "${a}" not shown`);
    const editable = (await sk.widgets()).filter((w) => ['radio', 'checkbox', 'input'].includes(w.role));
    expect(!editable.length, `answers still editable: ${editable.map((w) => `${w.role}:${w.label}`).join(', ')}`);
    for (const label of ['Lämna in provet', 'Ja, lämna in', 'Granska'])
      expect(!(await sk.find(label, { role: 'button' })) && !(await sk.find(label, { role: 'tab' })), `"${label}" still offered`);
    await sk.page.setViewportSize(WIDE);
    await toTop(sk);
    await shot(sk, 'etest-submitted-1280.png');
    await phoneShot(sk, 'etest-submitted-360.png');
  });

  await check('the view draws no frames while idle (3 s)', async () => {
    await sk.page.mouse.move(2, 795);
    await sk.waitIdle();
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('it cannot be handed in twice: the API says 409 with the server\'s words, and nothing changes', async () => {
    const before = (await apiGet(sk, testPath(taken.id))).body.etest;
    const again = await sk.page.evaluate(async ([p, n]) => {
      const r = await fetch(p, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ answers: Array(n).fill(null) }) });
      return { status: r.status, body: await r.json() };
    }, [`${testPath(taken.id)}/submission`, steps.length]);
    expect(again.status === 409 && again.body.error.code === 'already_submitted', `second hand-in: ${JSON.stringify(again)}`);
    const after = (await apiGet(sk, testPath(taken.id))).body.etest;
    expect(JSON.stringify(after.answers) === JSON.stringify(before.answers) && after.submitted_at === before.submitted_at,
      'the second hand-in changed the answers');
  });

  await check('handed in behind the screen\'s back: "Ja, lämna in" shows the server\'s word and the handed-in answers', async () => {
    const id = await createTest(staff, groupId, {
      title: 'Läsförståelse: kapitel 3', instructions: '',
      opens_at: instant(Date.now() - 60000), closes_at: instant(Date.now() + 86400000),
      questions: [{ type: 'single', text: 'Vem är berättaren?', options: ['Åsa', 'Örjan'], correct: [0] },
        { type: 'text', text: 'Vad hände sedan?', options: [], correct: [] }],
    });
    await sk.click(await sk.reveal('Tillbaka till proven', { role: 'button' }));
    await sk.click(await sk.reveal('Läsförståelse: kapitel 3', { role: 'link' }));
    await sk.click(await sk.reveal('Örjan', { role: 'radio' }));
    // Meanwhile, in another tab, the same pupil hands it in with other answers.
    const other = await elev.post(`/api/v1/pupils/${pupilId}/etests/${id}/submission`,
      { data: { answers: [{ choice: 0 }, { text: 'Det skrev jag i den andra fliken.' }] } });
    expect(other.status() === 201, `hand-in from the other tab: ${other.status()}`);
    await sk.click('Granska', { role: 'tab' });
    await sk.click(await sk.reveal('Lämna in provet', { role: 'button' }));
    await sk.click(await sk.reveal('Ja, lämna in', { role: 'button' }));
    await sk.waitFor('Du har redan lämnat in provet.', { role: 'text' });
    await sk.waitFor('Dina svar', { role: 'text' });
    await sk.reveal('Det skrev jag i den andra fliken.', { role: 'text' });
    const seen = await sk.texts();
    expect(seen.includes('Åsa') && !seen.includes('Örjan'), `the screen does not show the answers handed in: ${seen.join(' | ')}`);
    expect(!(await sk.find('Lämna in provet', { role: 'button' })), '"Lämna in provet" still offered');
    await sk.page.setViewportSize(WIDE);
    await toTop(sk);
    await shot(sk, 'etest-already-submitted-1280.png');
    await sk.page.setViewportSize(TALL);
    await sk.waitIdle();
  });

  await check('a test that closed while she wrote: the server\'s message in plain words, and the test shown as closed', async () => {
    const closes = Date.now() + 25000;
    const closesIso = instant(closes);
    const id = await createTest(staff, groupId, {
      title: 'Snabbförhör: ordklasser', instructions: '',
      opens_at: instant(Date.now() - 60000), closes_at: closesIso,
      questions: [{ type: 'single', text: 'Vilket ord är ett verb?', options: ['springa', 'snabb'], correct: [0] }],
    });
    await sk.click(await sk.reveal('Tillbaka till proven', { role: 'button' }));
    await sk.click(await sk.reveal('Snabbförhör: ordklasser', { role: 'link' }));
    await sk.click(await sk.reveal('springa', { role: 'radio' }));
    await sk.click('Granska', { role: 'tab' });
    await sk.click(await sk.reveal('Lämna in provet', { role: 'button' }));
    const wait = closes - Date.now() + 1500;
    expect(wait > 0, 'the test closed before she could try (the machine is slow): raise the margin');
    await sleep(wait);
    await sk.click(await sk.reveal('Ja, lämna in', { role: 'button' }));
    const closedAt = (await apiGet(sk, testPath(id))).body.etest.closes_at;
    const words = `Provet stängde ${dateTime(closedAt)}. Dina svar kunde inte lämnas in.`;
    await sk.waitFor(words, { role: 'text' });
    await sk.waitFor(`Provet stängde ${dateTime(closedAt)}. Du lämnade inte in det.`, { role: 'text' });
    expect(!(await sk.texts()).some((t) => /\d{4}-\d\d-\d\dT/.test(t)), 'an ISO time is shown as it is');
    const after = (await apiGet(sk, testPath(id))).body.etest;
    expect(after.status === 'closed' && after.answers === null, `the API: ${after.status} ${JSON.stringify(after.answers)}`);
    expect(!(await sk.find('Lämna in provet', { role: 'button' })), '"Lämna in provet" still offered');
    await sk.page.setViewportSize(WIDE);
    await toTop(sk);
    await shot(sk, 'etest-closed-meanwhile-1280.png');
    await phoneShot(sk, 'etest-closed-meanwhile-360.png');
  });

  await check('back at the list every state is the API\'s: open, upcoming, handed in, closed', async () => {
    await sk.page.setViewportSize(TALL);
    await sk.click(await sk.reveal('Tillbaka till proven', { role: 'button' }));
    await sk.waitFor('Inlämnade', { role: 'text' });
    await sk.waitFor('Stängda', { role: 'text' });
    list = await apiList();
    for (const s of ['upcoming', 'submitted', 'closed'])
      expect(list.some((t) => t.status === s), `the API has no ${s} test`);
    await expectListMatches(sk, list);
    await sk.page.setViewportSize(WIDE);
    await toTop(sk);
    await shot(sk, 'etest-list-all-1280.png');
    await phoneShot(sk, 'etest-list-all-360.png');
  });

  await check('the guardian has no eTest card on Elsa\'s start page', async () => {
    if (await sk.find('Logga ut', { role: 'button' })) await signOut(sk);
    await signIn(sk, guardian);
    const me = (await apiGet(sk, '/api/v1/me')).body;
    const elsa = me.pupils.find((p) => p.id === pupilId);
    expect(elsa, `${guardian} does not see ${child}`);
    expect(!elsa.boxes.includes('etest'), `the API gives the guardian Elsa's box list with etest: ${elsa.boxes.join(', ')}`);
    await sk.page.evaluate((id) => { location.hash = `#/elev/${id}`; }, pupilId);
    await sk.waitFor('Kalender', { role: 'link' });
    await sk.waitIdle();
    expect(!(await sk.find('eTest', { role: 'link' })), 'an eTest card on the guardian\'s start page');
    expect(!(await sk.texts()).some((t) => t.includes('prov att göra')), 'the eTest card\'s summary is shown');
  });

  await check('the guardian\'s deep link #/elev/<Elsa>/etest shows no test at all', async () => {
    sk = await SkolnavPage.open(browser.context, `${url}/#/elev/${pupilId}/etest`, { viewport: WIDE });
    await sk.waitFor('Logga ut', { role: 'button' });
    await sk.waitIdle();
    const texts = await sk.texts();
    for (const t of list) expect(!texts.some((x) => x.includes(t.title)), `"${t.title}" shown to the guardian`);
    for (const bad of ['eTest', 'Öppna nu', 'Dina svar', 'Fråga 1'])
      expect(!texts.some((x) => x.startsWith(bad)), `"${bad}" shown to the guardian: ${texts.join(' | ')}`);
    expect(!(await sk.find('eTest', { role: 'link' })), 'an eTest card');
    const title = await sk.page.title();
    expect(!title.includes('eTest'), `the page is titled "${title}"`);
    await shot(sk, 'etest-guardian-deeplink-1280.png');
  });

  await check('the API refuses the guardian (and another pupil) with 404, and their tries change nothing', async () => {
    const refused = [];
    for (const [who, ctx] of [['guardian', await signedIn(guardian)], ['another pupil', await signedIn('demo.elev.gy')]]) {
      for (const [what, r] of [
        ['list', await ctx.get(`/api/v1/pupils/${pupilId}/etests`)],
        ['test', await ctx.get(`/api/v1/pupils/${pupilId}/etests/${taken.id}`)],
        ['hand-in', await ctx.post(`/api/v1/pupils/${pupilId}/etests/${taken.id}/submission`,
          { data: { answers: Array(steps.length).fill(null) } })],
      ]) {
        const body = await r.json().catch(() => null);
        if (r.status() !== 404) refused.push(`${who} ${what}: ${r.status()}`);
        expect(!JSON.stringify(body).includes(taken.title), `${who} ${what} reply names the test`);
      }
      await ctx.dispose();
    }
    expect(!refused.length, `not refused: ${refused.join(', ')}`);
    const mine = await (await elev.get(`/api/v1/pupils/${pupilId}/etests/${taken.id}`)).json();
    expect(JSON.stringify(mine.etest.answers) === JSON.stringify(steps.map((s) => s.stored)), 'the handed-in answers changed');
  });
} finally {
  for (const c of [elev, staff]) await c?.dispose().catch(() => {});
  await browser.close();
}
finish(sk);
