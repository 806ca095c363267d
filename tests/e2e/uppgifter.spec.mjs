// Uppgifter end to end in a real browser against a running Skolnav server. The teacher
// (through the API) gives Elsa's group two assignments: one with an instructions file,
// one already past its due time. The pupil Elsa opens Uppgifter from the start page and
// sees the API's assignments under "Att göra", "Inlämnade" and "Bedömda" (group,
// teacher, due time; the overdue one said in words); opens the one with the file (its
// description, the file by name and size, "Öppna" fetches the same bytes); writes a
// message with å ä ö in the thread (on screen with her name and the time, and in the
// API), sees the teacher's answer below it; hands in a PDF chosen in the file dialog
// (name and size shown before sending, "Skickar …" while sending, then on screen and in
// the API with the same name and size, and its download gives the same bytes). A file
// the server refuses (not an allowed type; over 10 MB) shows the server's message by
// the form, which keeps the file and the text, and nothing is handed in; a slow upload
// shows how far it has come and "Avbryt" stops it, the form as it was. The guardian demo.vh reads Elsa's assignments,
// hand-in and thread but gets no hand-in or message form (the server forbids both); the
// other family's guardian (demo.vh2) reaching Elsa's Uppgifter by deep link sees none of
// it. Screenshots at 1280 and 360 px of the list, an assignment with its thread and
// the hand-in done; no frames are drawn while idle.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, pupil, password } = env;
requireEnv('guardian', 'pupil');
const child = 'Elsa';
const api = apiGet;
const run = Date.now() % 100000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- Swedish dates as the view writes them --------------------------------------------
const SHORT_DAYS = ['sön', 'mån', 'tis', 'ons', 'tors', 'fre', 'lör'];
const LONG_DAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
const SHORT_MONTHS = ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'];
const LONG_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september',
  'oktober', 'november', 'december'];
function when(iso, long = false) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const day = long ? `${LONG_DAYS[wd]} ${d} ${LONG_MONTHS[m - 1]}` : `${SHORT_DAYS[wd]} ${d} ${SHORT_MONTHS[m - 1]}`;
  return `${day} kl. ${iso.slice(11, 16)}`;
}
const plusDays = (iso, n) => new Date(Date.parse(`${iso}T12:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
// ui::FileSize
function fileSize(bytes) {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${Math.floor((bytes + 512) / 1024)} kB`;
  const tenths = Math.floor((bytes * 10 + 512 * 1024) / (1024 * 1024));
  return `${Math.floor(tenths / 10)},${tenths % 10} MB`;
}

// What the view says of an assignment's status: the tag, and the line beside it.
function statusOf(a) {
  if (a.status === 'returned') return { tag: 'Bedömd', line: `Återlämnad ${when(a.hand_in.returned_at)}` };
  if (a.status === 'late') return { tag: 'Inlämnad för sent', line: `Lämnades in ${when(a.hand_in.handed_in_at)}` };
  if (a.status === 'handed_in') return { tag: 'Inlämnad', line: `Lämnades in ${when(a.hand_in.handed_in_at)}` };
  if (a.overdue) return { tag: 'Försenad, inte inlämnad', line: `Skulle ha lämnats in senast ${when(a.due_at)}` };
  return { tag: 'Att göra', line: `Lämnas in senast ${when(a.due_at)}` };
}

// The API's assignments in the order the view lists them, by section.
function sections(list) {
  const todo = list.filter((a) => a.status === 'not_started');
  const handedIn = list.filter((a) => a.status === 'handed_in' || a.status === 'late').reverse();
  const returned = list.filter((a) => a.status === 'returned').reverse();
  return [['Att göra', todo], ['Inlämnade', handedIn], ['Bedömda', returned]];
}

// --- Driving the page -----------------------------------------------------------------

async function scrollTo(sk, dy) {
  await sk.page.mouse.move(sk.page.viewportSize().width / 2, sk.page.viewportSize().height / 2);
  await sk.page.mouse.wheel(0, dy);
  await sk.waitIdle();
}

async function shot(sk, name) {
  await sk.page.mouse.move(2, sk.page.viewportSize().height - 2);
  await sk.waitIdle();
  await sk.screenshot(path.join(shots, name));
}

// Signs in as `user`, first signing out whoever is signed in.
async function signInAs(sk, user) {
  if (await sk.find('Logga ut', { role: 'button' })) await signOut(sk);
  await signIn(sk, user);
}

async function openUppgifter(sk) {
  if (await sk.find(child, { role: 'tab' })) await sk.click(child, { role: 'tab' });
  await sk.click(await sk.reveal('Uppgifter', { role: 'link' }));
  await sk.waitFor('Att göra (', { role: 'text' });
  await sk.waitIdle();
}

async function openAssignment(sk, title) {
  await sk.click(await sk.reveal(title, { role: 'link' }));
  await sk.waitFor('Tillbaka till uppgifterna', { role: 'button' });
  await sk.waitFor('Samtal med läraren', { role: 'text' });
  await sk.waitIdle();
}

async function backToList(sk) {
  await sk.click(await sk.reveal('Tillbaka till uppgifterna', { role: 'button' }));
  await sk.waitFor('Att göra (', { role: 'text' });
}

// Texts drawn inside a widget's rectangle (a list card's).
async function textsInside(sk, box) {
  return (await sk.widgets()).filter((w) => w.role === 'text' && w.y >= box.y - 1 && w.y + w.h <= box.y + box.h + 1 &&
    w.x >= box.x - 1 && w.x + w.w <= box.x + box.w + 1).map((w) => w.label);
}

// Chooses `file` ({name, buffer} written to disk first, as a user's file) in the file dialog.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'skolnav-uppgifter-'));
async function chooseFile(sk, name, buffer) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, buffer);
  const button = await sk.reveal('Välj', { role: 'button' });
  const [chooser] = await Promise.all([sk.page.waitForEvent('filechooser', { timeout: 10000 }), sk.click(button)]);
  await chooser.setFiles(file);
  await sk.waitFor(name, { role: 'text', timeout: 30000 });
  await sk.waitIdle();
}

// The bytes of a download, fetched from inside the page (session cookie along).
async function download(sk, fileUrl) {
  return sk.page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: 'same-origin' });
    return { status: r.status, bytes: Array.from(new Uint8Array(await r.arrayBuffer())) };
  }, fileUrl);
}

// Uploads from inside the page as the signed-in user: what the server answers. The
// bytes are `bytes`, or `size` times the byte `fill` (made in the page: large files).
async function uploadFromPage(sk, name, type, { bytes, size, fill }) {
  return sk.page.evaluate(async ([n, t, b, s, f]) => {
    const body = b ? new Uint8Array(b) : new Uint8Array(s).fill(f);
    const r = await fetch(`/api/v1/attachments?filename=${encodeURIComponent(n)}`,
      { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': t }, body });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, [name, type, bytes ? Array.from(bytes) : null, size || 0, fill || 0]);
}

const pupilPath = (pupilId) => `/api/v1/pupils/${encodeURIComponent(pupilId)}/assignments`;

// --- The test ---------------------------------------------------------------------------

const message = `Får jag rita i blyerts? åäö ÅÄÖ ${run}`;
const answer = `Ja, blyerts går bra. Lycka till! ${run}`;
const pdfName = `Min bro ritning ${run}.pdf`;
const pdf = Buffer.from(`%PDF-1.4\n% Elsas ritning av bron, åäö\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
const instructions = Buffer.from('%PDF-1.4\n% Instruktioner till uppgiften\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const exeName = `spelet ${run}.exe`;
const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200, 0)]);
const bigName = `film ${run}.txt`;
const big = Buffer.alloc(10 * 1024 * 1024 + 100, 'a');
const slowName = `Ritningar ${run}.pdf`;
const slowPdf = Buffer.concat([Buffer.from('%PDF-1.4\n% Alla ritningar\n'), Buffer.alloc(3 * 1024 * 1024, 0x20),
  Buffer.from('\n%%EOF\n')]);
const slowText = `Här är alla mina ritningar, åäö ${run}`;

const browser = await launchBrowser();
let sk, pupilId, groupId, withFile, overdue, teacherFile;
// Typing and scrolling redraw the canvas, which costs by its size (software WebGL):
// a moderate window for the actions, a tall one to see a whole list or view at once.
const DESKTOP = { width: 1280, height: 900 };
const TALL = { width: 1280, height: 1500 };
const PHONE = { width: 390, height: 844 };
try {
  await check('the teacher gives the group an assignment with a file and one already overdue (API)', async () => {
    const probe = await SkolnavPage.open(browser.context, url, { viewport: DESKTOP });
    await signIn(probe, pupil);
    const me = (await api(probe, '/api/v1/me')).body;
    pupilId = me.pupils.find((p) => p.first_name === child).id;
    const today = (await api(probe, `/api/v1/pupils/${encodeURIComponent(pupilId)}/start`)).body.today;
    const list = (await api(probe, pupilPath(pupilId))).body.assignments;
    expect(list.length > 0, 'the demo has no assignments for Elsa');
    groupId = list[0].group.id;
    await signOut(probe);
    sk = probe;

    const teacher = await request.newContext({ baseURL: url });
    expect((await teacher.post('/api/v1/session', { data: { username: 'demo.personal', password } })).ok(), 'teacher sign-in failed');
    const up = await teacher.post('/api/v1/attachments?filename=Instruktioner%20bron.pdf',
      { data: instructions, headers: { 'Content-Type': 'application/pdf' } });
    expect(up.status() === 201, `teacher upload: ${up.status()} ${await up.text()}`);
    teacherFile = (await up.json()).attachment;
    const a1 = await teacher.post(`/api/v1/groups/${groupId}/assignments`, { data: {
      title: `Teknik: bygg en bro av glasspinnar ${run}`,
      description: 'Bygg en bro som bär en liter vatten. Rita den först och lämna in ritningen som PDF.',
      due_date: plusDays(today, 5), due_time: '15:30', attachment_ids: [teacherFile.id] } });
    expect(a1.status() === 201, `create: ${a1.status()} ${await a1.text()}`);
    withFile = (await a1.json()).assignment;
    // Due at midnight today: already past, so it is overdue at once.
    const a2 = await teacher.post(`/api/v1/groups/${groupId}/assignments`, { data: {
      title: `Svenska: läsdagbok vecka ${run}`, description: 'Skriv en sida om boken du läser.',
      due_date: today, due_time: '00:00' } });
    expect(a2.status() === 201, `create: ${a2.status()} ${await a2.text()}`);
    overdue = (await a2.json()).assignment;
    await teacher.dispose();
  });

  await check('the pupil opens Uppgifter from the start page and sees the API\'s assignments by section', async () => {
    await signIn(sk, pupil);
    await openUppgifter(sk);
    await sk.page.setViewportSize(TALL);
    await sk.waitIdle();
    const reply = await api(sk, pupilPath(pupilId));
    expect(reply.status === 200, `GET assignments answered ${reply.status}`);
    expect(reply.body.can_write === true, 'the API does not let the pupil write');
    const list = reply.body.assignments;
    expect(list.some((a) => a.id === withFile.id) && list.some((a) => a.id === overdue.id), 'the new assignments are not in the API');
    const all = await sk.widgets();
    const headings = [];
    for (const [name, items] of sections(list)) {
      const h = all.find((w) => w.role === 'text' && w.label === `${name} (${items.length})`);
      expect(h, `no heading "${name} (${items.length})"; texts: ${all.filter((w) => w.role === 'text').map((w) => w.label).join(' | ')}`);
      headings.push(h);
    }
    // Every card in its section, in the view's order (to do: most urgent first).
    const cards = all.filter((w) => w.role === 'link');
    let i = 0;
    for (const [name, items] of sections(list)) {
      const top = headings[i].y, bottom = i + 1 < headings.length ? headings[i + 1].y : Infinity;
      const shown = cards.filter((c) => c.y > top && c.y < bottom).sort((a, b) => a.y - b.y).map((c) => c.label);
      const want = items.map((a) => a.title);
      expect(JSON.stringify(shown) === JSON.stringify(want), `under "${name}":\n       ${shown.join(' | ')}\n     the API's:\n       ${want.join(' | ')}`);
      i++;
    }
    expect(cards.length === list.length, `${cards.length} cards for ${list.length} assignments`);
  });

  await check('each card shows group and teacher, the status in words and the due or hand-in time', async () => {
    const list = (await api(sk, pupilPath(pupilId))).body.assignments;
    for (const a of list) {
      const card = await sk.find(a.title, { role: 'link' });
      expect(card, `no card for "${a.title}"`);
      const inside = await textsInside(sk, card);
      const { tag, line } = statusOf(a);
      for (const want of [a.title, `${a.group.name} · ${a.created_by.name}`, tag, line])
        expect(inside.includes(want), `"${a.title}": no "${want}"; the card shows ${inside.join(' | ')}`);
      if (a.attachments.length === 1) expect(inside.some((t) => t.endsWith('1 fil från läraren')), `"${a.title}": its file is not mentioned`);
    }
    const late = list.find((a) => a.id === overdue.id);
    expect(late.overdue === true, 'the API does not call the assignment overdue');
    const inside = await textsInside(sk, await sk.find(late.title, { role: 'link' }));
    expect(inside.includes('Försenad, inte inlämnad'), `the overdue assignment is not called overdue in words: ${inside.join(' | ')}`);
    await shot(sk, 'uppgifter-list-1280.png');
    await sk.page.setViewportSize(DESKTOP);
  });

  await check('the list draws no frames while idle (3 s)', async () => {
    await sk.waitIdle();
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('opening an assignment shows its description, due time, status and the teacher\'s file', async () => {
    await openAssignment(sk, withFile.title);
    const a = (await api(sk, `${pupilPath(pupilId)}/${withFile.id}`)).body.assignment;
    expect(a.can_write === true && a.can_hand_in === true, `the API says can_write ${a.can_write}, can_hand_in ${a.can_hand_in}`);
    const texts = await sk.texts();
    for (const want of [a.title, a.description, `${a.group.name} · ${a.created_by.name}`, 'Att göra',
      `Lämnas in senast ${when(a.due_at, true)}`, 'Fil från läraren', 'Instruktioner bron.pdf', fileSize(teacherFile.size)])
      expect(texts.includes(want), `no "${want}"; texts: ${texts.join(' | ')}`);
    // "Öppna" asks the browser for the file, and the file is the teacher's bytes.
    const wanted = `/api/v1/attachments/${teacherFile.id}`;
    const [asked] = await Promise.all([
      sk.page.context().waitForEvent('request', { predicate: (r) => r.url().endsWith(wanted), timeout: 10000 }),
      sk.reveal('Öppna', { role: 'button' }).then((w) => sk.click(w))]);
    expect(asked.method() === 'GET', `${asked.method()} ${asked.url()}`);
    for (const other of sk.page.context().pages()) if (other !== sk.page) await other.close().catch(() => {});
    await sk.page.bringToFront();
    const got = await download(sk, wanted);
    expect(got.status === 200 && Buffer.from(got.bytes).equals(instructions), `the download gives ${got.status}, ${got.bytes.length} bytes`);
  });

  await check('an empty message is refused in plain words', async () => {
    await sk.click(await sk.reveal('Skicka meddelande', { role: 'button' }));
    await sk.waitFor('Skriv något i meddelandet', { role: 'text' });
  });

  await check('the pupil writes to the teacher with å ä ö: it appears with her name and the time, and the API has it', async () => {
    await sk.reveal('Ditt meddelande', { role: 'input' });
    await sk.type('Ditt meddelande', message);
    await sk.click(await sk.reveal('Skicka meddelande', { role: 'button' }));
    await sk.waitFor(message, { role: 'text' });
    const a = (await api(sk, `${pupilPath(pupilId)}/${withFile.id}`)).body.assignment;
    const mine = a.messages.find((m) => m.text === message);
    expect(mine && mine.from === 'pupil', `the API has no message "${message}" from the pupil`);
    const texts = await sk.texts();
    expect(texts.includes(mine.author.name), `the author ${mine.author.name} is not shown`);
    expect(texts.includes(when(mine.sent_at)), `the time "${when(mine.sent_at)}" is not shown`);
    expect(!texts.some((t) => t.startsWith('Skriv något')), 'the old error is still shown');
    expect(texts.some((t) => t.startsWith('Ditt meddelande är skickat')), 'no word that it was sent');
  });

  await check('the teacher\'s answer comes below it: the thread in the API\'s order, each with author and time', async () => {
    const teacher = await request.newContext({ baseURL: url });
    expect((await teacher.post('/api/v1/session', { data: { username: 'demo.personal', password } })).ok(), 'teacher sign-in failed');
    const r = await teacher.post(`/api/v1/groups/${groupId}/assignments/${withFile.id}/pupils/${pupilId}/messages`, { data: { text: answer } });
    expect(r.status() === 201, `teacher reply: ${r.status()} ${await r.text()}`);
    await teacher.dispose();
    await backToList(sk);
    const card = await sk.find(withFile.title, { role: 'link' });
    expect((await textsInside(sk, card)).some((t) => t.includes('2 meddelanden')), 'the card does not say "2 meddelanden"');
    await openAssignment(sk, withFile.title);
    const a = (await api(sk, `${pupilPath(pupilId)}/${withFile.id}`)).body.assignment;
    await sk.reveal(answer, { role: 'text' });
    const all = await sk.widgets();
    const ys = a.messages.map((m) => (all.find((w) => w.role === 'text' && w.label === m.text) || {}).y);
    expect(ys.every((y) => y !== undefined), `not every message is on screen: ${a.messages.map((m) => m.text).join(' | ')}`);
    for (let i = 1; i < ys.length; i++) expect(ys[i - 1] < ys[i], 'the messages are not in the API\'s order');
    const texts = all.filter((w) => w.role === 'text').map((w) => w.label);
    for (const m of a.messages) {
      expect(texts.includes(m.author.name), `no author ${m.author.name}`);
      expect(texts.includes(when(m.sent_at)), `no time ${when(m.sent_at)}`);
    }
    await scrollTo(sk, -3000);
    await sk.page.setViewportSize(TALL);
    await sk.waitIdle();
    await shot(sk, 'uppgifter-assignment-1280.png');
    await sk.page.setViewportSize(DESKTOP);
    await sk.waitIdle();
  });

  await check('the pupil chooses a PDF in the file dialog: its name and size are shown before anything is sent', async () => {
    await chooseFile(sk, pdfName, pdf);
    const texts = await sk.texts();
    expect(texts.includes(`${fileSize(pdf.length)} · inte inlämnad ännu`), `no "${fileSize(pdf.length)} · inte inlämnad ännu"; texts: ${texts.join(' | ')}`);
    const a = (await api(sk, `${pupilPath(pupilId)}/${withFile.id}`)).body.assignment;
    expect(a.hand_in === null, 'something was handed in before "Lämna in"');
  });

  await check('"Lämna in" shows "Skickar …", then the hand-in on screen and in the API with the same name and size', async () => {
    // Hold the upload a moment, so the sending state can be seen.
    const isUpload = (u) => u.pathname === '/api/v1/attachments';
    await sk.page.route(isUpload, async (route) => { await sleep(1500); await route.continue(); });
    const button = await sk.reveal('Lämna in', { role: 'button' });
    await sk.page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);
    await sk.waitFor(`Skickar ${pdfName} (${fileSize(pdf.length)}) …`, { role: 'text', timeout: 5000 });
    await sk.waitFor('Uppgiften är inlämnad', { role: 'text', timeout: 20000 });
    await sk.page.unroute(isUpload);
    await sk.waitIdle();
    const a = (await api(sk, `${pupilPath(pupilId)}/${withFile.id}`)).body.assignment;
    expect(a.status === 'handed_in', `the API says ${a.status}`);
    expect(a.hand_in.attachments.length === 1, `${a.hand_in.attachments.length} files handed in`);
    const file = a.hand_in.attachments[0];
    expect(file.filename === pdfName && file.size === pdf.length, `the API has ${file.filename}, ${file.size} bytes`);
    const texts = await sk.texts();
    for (const want of [pdfName, fileSize(file.size), `Inlämnad ${when(a.hand_in.handed_in_at, true)}`])
      expect(texts.includes(want), `no "${want}" for the hand-in; texts: ${texts.join(' | ')}`);
    expect(!(await sk.find('Välj fil', { role: 'button' })), 'the form is still open');
    expect(await sk.find('Lämna in igen', { role: 'button' }), 'no "Lämna in igen"');
    const got = await download(sk, file.url);
    expect(got.status === 200 && Buffer.from(got.bytes).equals(pdf), `the download gives ${got.status}, ${got.bytes.length} bytes`);
    await scrollTo(sk, -3000);
    await sk.page.setViewportSize(TALL);
    await sk.waitIdle();
    await shot(sk, 'uppgifter-handin-1280.png');
    await sk.page.setViewportSize(DESKTOP);
    await sk.waitIdle();
  });

  await check('the list moves it under "Inlämnade"', async () => {
    await backToList(sk);
    const list = (await api(sk, pupilPath(pupilId))).body.assignments;
    const done = sections(list)[1][1];
    const heading = await sk.find(`Inlämnade (${done.length})`, { role: 'text' });
    expect(heading && done.some((a) => a.id === withFile.id), `no "Inlämnade (${done.length})" with the hand-in`);
    const card = await sk.reveal(withFile.title, { role: 'link' });
    const inside = await textsInside(sk, card);
    expect(inside.includes('Inlämnad'), `the card does not say "Inlämnad": ${inside.join(' | ')}`);
  });

  await check('the view draws no frames while idle after the hand-in (3 s)', async () => {
    await openAssignment(sk, withFile.title);
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
    await backToList(sk);
  });

  await check('a file the server refuses (an .exe) shows its message by the form, and nothing is handed in', async () => {
    const refusal = await uploadFromPage(sk, exeName, 'application/x-msdownload', { bytes: exe });
    expect(refusal.status === 415 && refusal.body.error.message, `the server answers ${refusal.status} for an .exe`);
    await openAssignment(sk, overdue.title);
    const texts = await sk.texts();
    expect(texts.includes('Försenad, inte inlämnad') && texts.includes(`Skulle ha lämnats in senast ${when(overdue.due_at, true)}`),
      `the overdue assignment is not said to be overdue: ${texts.join(' | ')}`);
    await chooseFile(sk, exeName, exe);
    await sk.click(await sk.reveal('Lämna in', { role: 'button' }));
    const note = await sk.waitFor(refusal.body.error.message, { role: 'text', timeout: 15000 });
    expect(note.label.startsWith(exeName), `the error does not name the file: "${note.label}"`);
    const submit = await sk.find('Lämna in', { role: 'button' });
    expect(Math.abs(note.y - submit.y) < 160, 'the error is not next to the form');
    const a = (await api(sk, `${pupilPath(pupilId)}/${overdue.id}`)).body.assignment;
    expect(a.hand_in === null && a.status === 'not_started', `the API has a hand-in: ${JSON.stringify(a.hand_in)}`);
    expect((await sk.texts()).includes(`${fileSize(exe.length)} · togs inte emot`), 'the file is not marked as refused');
    await scrollTo(sk, -3000);
    await sk.page.setViewportSize(TALL);
    await sk.waitIdle();
    await shot(sk, 'uppgifter-refused-1280.png');
    await sk.page.setViewportSize(DESKTOP);
    await sk.waitIdle();
  });

  await check('a file over 10 MB gets the server\'s message, and nothing is handed in', async () => {
    await sk.click(await sk.reveal('Ta bort', { role: 'button' }));
    await sk.waitGone(exeName, { role: 'text' });
    const refusal = await uploadFromPage(sk, bigName, 'text/plain', { size: big.length, fill: 0x61 });
    expect(refusal.status === 413 && refusal.body.error.message, `the server answers ${refusal.status} for 10 MB + 100 bytes`);
    await chooseFile(sk, bigName, big);
    await sk.click(await sk.reveal('Lämna in', { role: 'button' }));
    await sk.waitFor(`${bigName}: ${refusal.body.error.message}`, { role: 'text', timeout: 30000 });
    const a = (await api(sk, `${pupilPath(pupilId)}/${overdue.id}`)).body.assignment;
    expect(a.hand_in === null && a.status === 'not_started', `the API has a hand-in: ${JSON.stringify(a.hand_in)}`);
    expect((await sk.texts()).includes(`${fileSize(big.length)} · togs inte emot`), 'the big file is not kept in the form, marked as refused');
    await sk.reveal('Lämna in', { role: 'button' });
    await shot(sk, 'uppgifter-too-large-1280.png');
    await sk.page.setViewportSize(PHONE);
    await sk.reveal(`${bigName}: ${refusal.body.error.message}`, { role: 'text' });
    await shot(sk, 'uppgifter-too-large-390.png');
    await sk.page.setViewportSize(DESKTOP);
    await sk.waitIdle();
  });

  await check('an upload shows how far it has come and "Avbryt" stops it: nothing handed in, the form kept (handing in again sends its file and text)', async () => {
    await sk.click(await sk.reveal('Ta bort', { role: 'button' }));
    await sk.waitGone(bigName, { role: 'text' });
    await chooseFile(sk, slowName, slowPdf);
    await sk.type('Text till läraren (valfri)', slowText);
    await sk.page.mouse.click(2, 2);
    await sk.waitIdle();
    // A slow uplink (the browser's own throttling): a 3 MB upload takes about 10 s.
    const cdp = await sk.page.context().newCDPSession(sk.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions',
      { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 300 * 1024 });
    try {
      const button = await sk.reveal('Lämna in', { role: 'button' });
      await sk.page.mouse.click(button.x + button.w / 2, button.y + button.h / 2);  // sk.click would wait for the upload
      await sk.waitFor(`Skickar ${slowName} (${fileSize(slowPdf.length)}) …`, { role: 'text', timeout: 5000 });
      const percent = async () => {
        const w = (await sk.widgets()).find((x) => x.role === 'text' && /^\d+ % skickat$/.test(x.label));
        return w ? Number(w.label.split(' ')[0]) : -1;
      };
      const t0 = Date.now();
      let p = -1;
      while (Date.now() - t0 < 8000 && !((p = await percent()) > 0 && p < 100)) await sleep(100);
      expect(p > 0 && p < 100, `no progress between 0 and 100 % shown (last: ${p})`);
      await sleep(1000);
      const later = await percent();
      expect(later > p && later < 100, `the progress does not move: ${p} % then ${later} %`);
      await sk.page.mouse.move(2, sk.page.viewportSize().height - 2);
      await sk.screenshot(path.join(shots, 'uppgifter-uploading-1280.png'));
      await sk.page.setViewportSize(PHONE);
      await sleep(300);
      await sk.screenshot(path.join(shots, 'uppgifter-uploading-390.png'));
      const cancel = await sk.find('Avbryt', { role: 'button' });
      expect(cancel && cancel.y > 0 && cancel.y < PHONE.height, `no "Avbryt" on screen while sending: ${JSON.stringify(cancel)}`);
      await sk.click(cancel);
      await sk.waitFor('Inlämningen avbröts', { role: 'text', timeout: 5000 });
    } finally {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
      await cdp.detach();
    }
    expect(!(await sk.find('% skickat', { role: 'text' })), 'the progress is still shown');
    const texts = await sk.texts();
    expect(texts.includes(`${fileSize(slowPdf.length)} · inte inlämnad ännu`), `the file is not kept in the form: ${texts.join(' | ')}`);
    const submit = await sk.find('Lämna in', { role: 'button' });
    expect(submit && !submit.disabled, '"Lämna in" is not offered again');
    const a = (await api(sk, `${pupilPath(pupilId)}/${overdue.id}`)).body.assignment;
    expect(a.hand_in === null && a.status === 'not_started', `the API has a hand-in: ${JSON.stringify(a.hand_in)}`);
    await shot(sk, 'uppgifter-upload-cancelled-390.png');
    await sk.page.setViewportSize(DESKTOP);
    await sk.waitIdle();
    // The form kept both: handing in again sends that file and that text.
    await sk.click(await sk.reveal('Lämna in', { role: 'button' }));
    await sk.waitFor('Uppgiften är inlämnad', { role: 'text', timeout: 30000 });
    const after = (await api(sk, `${pupilPath(pupilId)}/${overdue.id}`)).body.assignment;
    expect(after.hand_in && after.hand_in.text === slowText, `the hand-in's text: ${JSON.stringify(after.hand_in && after.hand_in.text)}`);
    const files = (after.hand_in.attachments || []).map((f) => `${f.filename} ${f.size}`);
    expect(JSON.stringify(files) === JSON.stringify([`${slowName} ${slowPdf.length}`]), `the hand-in's files: ${files.join(', ')}`);
    await backToList(sk);
    await signOut(sk);
  });

  await check('a guardian reads Elsa\'s assignments, hand-in and thread, with no hand-in or message form', async () => {
    await signInAs(sk, guardian);
    await openUppgifter(sk);
    const reply = await api(sk, pupilPath(pupilId));
    expect(reply.status === 200 && reply.body.can_write === false, `the API answers ${reply.status}, can_write ${reply.body.can_write}`);
    await sk.page.setViewportSize(TALL);
    await sk.waitIdle();
    const titles = (await sk.findAll('', { role: 'link' })).map((w) => w.label).sort();
    const want = reply.body.assignments.map((a) => a.title).sort();
    expect(JSON.stringify(titles) === JSON.stringify(want), `the guardian sees ${titles.join(' | ')}; the API: ${want.join(' | ')}`);
    const texts0 = await sk.texts();
    expect(texts0.includes('Elsas uppgifter. Bara Elsa själv kan lämna in och skriva till läraren.'), 'no word that the guardian reads only');
    await shot(sk, 'uppgifter-guardian-list-1280.png');
    await sk.page.setViewportSize(DESKTOP);
    await sk.waitIdle();
    await openAssignment(sk, withFile.title);
    const a = (await api(sk, `${pupilPath(pupilId)}/${withFile.id}`)).body.assignment;
    expect(a.can_hand_in === false && a.can_write === false, 'the API lets the guardian hand in or write');
    await sk.reveal(answer, { role: 'text' });
    const texts = await sk.texts();
    for (const want of [pdfName, message, answer, 'Elsas inlämning'])
      expect(texts.includes(want), `the guardian does not see "${want}"`);
    for (const label of ['Välj fil', 'Lämna in', 'Lämna in igen', 'Skicka meddelande'])
      expect(!(await sk.find(label, { role: 'button' })), `the guardian gets "${label}"`);
    expect(!(await sk.find('Ditt meddelande', { role: 'input' })), 'the guardian gets a message field');
    expect(texts.includes('Bara Elsa själv kan lämna in uppgiften.'), 'no word on why there is no hand-in');
    expect(texts.includes('Du kan läsa samtalet. Bara Elsa själv kan skriva till läraren.'), 'no word on why there is no message form');
    const post = await sk.page.evaluate(async (p) => (await fetch(p, { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'x' }) })).status,
    `${pupilPath(pupilId)}/${withFile.id}/hand-in`);
    expect(post === 403, `the server lets the guardian hand in (${post})`);
    await scrollTo(sk, -3000);
    await sk.page.setViewportSize(TALL);
    await sk.waitIdle();
    await shot(sk, 'uppgifter-guardian-1280.png');
    await sk.page.setViewportSize(DESKTOP);
    await sk.waitIdle();
    await backToList(sk);
    await signOut(sk);
  });

  await check('the other family\'s guardian reaching Elsa\'s Uppgifter by deep link sees none of it', async () => {
    await signInAs(sk, 'demo.vh2');
    await sk.page.goto('about:blank');
    await sk.page.goto(`${url}/#/elev/${pupilId}/uppgifter`);
    await sk.waitReady();
    await sk.waitFor('Logga ut', { role: 'button' });
    const texts = await sk.texts();
    for (const t of [withFile.title, overdue.title, 'Tillbaka till uppgifterna', 'Elsa Lindqvist · 7A'])
      expect(!texts.some((x) => x.includes(t)), `demo.vh2 sees "${t}"`);
    expect(!texts.some((t) => t.startsWith('Att göra (')), 'demo.vh2 gets an Uppgifter list');
    const reply = await api(sk, pupilPath(pupilId));
    expect(reply.status === 404, `the API answers demo.vh2 with ${reply.status}`);
    await signOut(sk);
  });

  await check('on a phone (360 px): the list, the assignment with its thread and the hand-in fit the screen', async () => {
    await signInAs(sk, pupil);
    await sk.page.setViewportSize({ width: 360, height: 780 });
    await sk.waitIdle();
    await openUppgifter(sk);
    const fits = async () => {
      for (const w of await sk.widgets())
        if (w.y < 780 && ['text', 'link', 'button', 'input'].includes(w.role))
          expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `"${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    };
    await fits();
    await sk.page.setViewportSize({ width: 360, height: 1400 });
    await sk.waitIdle();
    await fits();
    await shot(sk, 'uppgifter-list-360.png');
    // On a phone's screen: the hand-in done, then the thread further down.
    await sk.page.setViewportSize({ width: 360, height: 780 });
    await sk.waitIdle();
    await openAssignment(sk, withFile.title);
    await sk.reveal('Lämna in igen', { role: 'button' });
    expect(await sk.find(pdfName, { role: 'text' }), 'the handed-in file is not shown');
    await fits();
    await shot(sk, 'uppgifter-handin-360.png');
    await scrollTo(sk, 3000);
    await sk.waitFor(answer, { role: 'text' });
    await fits();
    await shot(sk, 'uppgifter-assignment-360.png');
  });
} finally {
  await browser.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
finish(sk);
