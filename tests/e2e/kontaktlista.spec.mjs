// Kontaktlista end to end in a real browser against a running Skolnav server: a guardian
// opens Kontaktlista for Elsa and sees the API's class list (staff first with the class
// teacher on top, then each pupil with exactly the guardian details the API sends); an
// e-mail address, and "E-posta alla vårdnadshavare", open mailto: links; under "Mina
// kontaktuppgifter" the guardian hides the phone number and saves, and another family's
// guardian in the same class (demo.vh2) no longer sees it, on screen or in the API; a
// failed save is told in plain words and "Försök igen" shows the number again; a pupil
// reads the list but gets no settings (and the API refuses them); the preschool list
// (Olle) matches its API too; the list and the settings fit a phone.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PUPIL_USER  SKOLNAV_PASSWORD (demo)
//   SKOLNAV_OTHER_GUARDIAN_USER (demo.vh2: a guardian of another pupil in Elsa's class)
import path from 'node:path';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn, signOut } from './spec_harness.mjs';

const { url, shots, guardian, pupil } = env;
requireEnv('guardian', 'pupil');
const otherGuardian = process.env.SKOLNAV_OTHER_GUARDIAN_USER || 'demo.vh2';
const child = 'Elsa';
const preschoolChild = 'Olle';
const VISIBILITY = '/api/v1/me/contact-visibility';
// Widgets below the fold are not laid out: the list is read in a window tall enough for
// all of it (a pupil's card is at most about 240 px high at 1280 px, 400 px on a phone).
async function showWhole(sk, body) {
  const { width } = sk.page.viewportSize();
  await sk.page.setViewportSize({ width, height: 700 + body.pupils.length * (width < 600 ? 400 : 240) });
  await sk.waitIdle();
}
async function showNormal(sk) {
  const { width } = sk.page.viewportSize();
  await sk.page.setViewportSize({ width, height: width < 600 ? 780 : 800 });
  await sk.waitIdle();
}
const contactsPath = (id) => `/api/v1/pupils/${encodeURIComponent(id)}/contacts`;

async function apiPut(sk, apiPath, body) {
  return sk.page.evaluate(async ([p, b]) => {
    const r = await fetch(p, { method: 'PUT', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(b) });
    return { status: r.status, body: await r.json().catch(() => null) };
  }, [apiPath, body]);
}

async function myPupil(sk, firstName) {
  const me = await apiGet(sk, '/api/v1/me');
  const p = (me.body.pupils || []).find((x) => x.first_name === firstName);
  expect(p, `the signed-in user has no pupil called ${firstName}`);
  return { me: me.body.person, pupil: p };
}

// Widgets scrolled out of the window are not on screen: scroll (wheel) until the one
// asked for is wholly in view.
async function reveal(sk, label, { role } = {}) {
  for (let i = 0; i < 20; i++) {
    const w = await sk.find(label, { role });
    const { width, height } = sk.page.viewportSize();
    if (w && w.y >= 0 && w.y + w.h <= height) return w;
    await sk.page.mouse.move(width / 2, height / 2);
    await sk.page.mouse.wheel(0, w && w.y < 0 ? -300 : 300);
    await sk.waitIdle();
  }
  throw new Error(`"${label}" could not be scrolled into view`);
}

// From the child's start page, through the "Kontaktlista" card.
async function openKontaktlista(sk, firstName) {
  const { me, pupil: p } = await myPupil(sk, firstName);
  await sk.page.evaluate((id) => { location.hash = `#/elev/${id}`; }, p.id);
  await sk.waitFor(p.name, { role: 'text' });
  await sk.click(await reveal(sk, 'Kontaktlista', { role: 'link' }));
  await sk.waitFor('Personal', { role: 'text' });
  await sk.waitIdle();
  return { me, pupil: p };
}

async function contacts(sk, pupilId) {
  const r = await apiGet(sk, contactsPath(pupilId));
  expect(r.status === 200, `GET contacts answered ${r.status}`);
  return r.body;
}

// Would the view say it? Every label on screen, whatever its role.
async function everyLabel(sk) { return (await sk.widgets()).map((w) => w.label); }

// Opens links in a list instead of a new tab: window.open is what platform::open_url calls.
async function interceptOpen(sk) {
  await sk.page.evaluate(() => {
    window.__opened = [];
    window.open = (u) => { window.__opened.push(String(u)); return null; };
  });
}
const opened = (sk) => sk.page.evaluate(() => window.__opened.slice());

// The screen against the API's list: the staff (class teacher first) with title and an
// e-mail link each, above the pupils; the pupils in the API's order; under each pupil
// exactly its guardians, each with the details the API sends and no other.
async function expectListMatches(sk, body, { viewerIsGuardian }) {
  const widgets = await sk.widgets();
  const texts = widgets.filter((w) => w.role === 'text');
  const links = widgets.filter((w) => w.role === 'link');
  const personal = texts.find((t) => t.label === 'Personal');
  expect(personal, 'no "Personal" heading');
  const pupilsHeading = texts.find((t) => /^(Elever|Barn) och vårdnadshavare$/.test(t.label));
  expect(pupilsHeading, 'no "Elever/Barn och vårdnadshavare" heading');
  expect(personal.y < pupilsHeading.y, 'the staff are not above the pupils');

  // Staff: the class teacher first, then in the API's order.
  const staff = [...body.staff].sort((a, b) => Number(b.mentor) - Number(a.mentor));
  let lastY = personal.y;
  for (const s of staff) {
    const name = texts.find((t) => t.label === s.name && t.y > personal.y && t.y < pupilsHeading.y);
    expect(name, `staff member ${s.name} is not shown under "Personal"`);
    expect(name.y >= lastY, `${s.name} is out of order (class teacher first)`);
    lastY = name.y;
    expect(texts.some((t) => t.label === s.title && t.y > name.y && t.y < name.y + 40), `no title "${s.title}" for ${s.name}`);
    expect(links.some((l) => l.label === s.email && l.y > name.y && l.y < pupilsHeading.y), `no e-mail link ${s.email} for ${s.name}`);
  }

  // Pupils in the API's order, each heading its own block.
  const tops = [];
  let prev = pupilsHeading.y;
  for (const p of body.pupils) {
    const t = texts.find((x) => x.label === p.name && x.y > prev);
    expect(t, `pupil ${p.name} is not shown (in the API's order) below the previous one`);
    tops.push(t.y);
    prev = t.y;
  }
  const inBlock = (i, w) => w.y > tops[i] && (i + 1 === tops.length || w.y < tops[i + 1]);
  const phoneLike = /^[0-9+][0-9 +\-]{5,}$/;
  for (const [i, p] of body.pupils.entries()) {
    const blockTexts = texts.filter((w) => inBlock(i, w));
    const blockLinks = links.filter((w) => inBlock(i, w));
    for (const g of p.guardians) {
      const name = blockTexts.find((t) => t.label === g.name);
      expect(name, `guardian ${g.name} is not shown under ${p.name}`);
      if (g.email) expect(blockLinks.some((l) => l.label === g.email), `no e-mail link ${g.email} for ${g.name} under ${p.name}`);
      if (g.phone) expect(blockTexts.some((t) => t.label === g.phone), `no phone ${g.phone} for ${g.name} under ${p.name}`);
      if (g.address) expect(blockTexts.some((t) => t.label === g.address), `no address ${g.address} for ${g.name} under ${p.name}`);
      if (g.me) expect(blockTexts.some((t) => t.label === 'Du' && Math.abs(t.y - name.y) < 12), `${g.name} is not marked "Du"`);
    }
    // Nothing the API did not send: as many e-mail links, phone numbers and addresses as it has.
    const want = (k) => p.guardians.filter((g) => g[k]).length;
    expect(blockLinks.length === want('email'), `${blockLinks.length} e-mail links under ${p.name}, the API has ${want('email')}`);
    const phones = blockTexts.filter((t) => phoneLike.test(t.label)).length;
    expect(phones === want('phone'), `${phones} phone numbers under ${p.name}, the API has ${want('phone')}`);
    const addresses = p.guardians.map((g) => g.address).filter(Boolean);
    const shownAddresses = blockTexts.filter((t) => /\d{3} \d{2} /.test(t.label)).length;
    expect(shownAddresses === addresses.length, `${shownAddresses} addresses under ${p.name}, the API has ${addresses.length}`);
    const bare = p.guardians.filter((g) => !g.email && !g.phone && !g.address).length;
    const saysNone = blockTexts.filter((t) => t.label === 'Visar inga kontaktuppgifter').length;
    expect(saysNone === bare, `"Visar inga kontaktuppgifter" ${saysNone} times under ${p.name}, expected ${bare}`);
    if (p.guardians.length === 0)
      expect(blockTexts.some((t) => t.label === 'Inga vårdnadshavare visas i listan.'), `${p.name}: no word that no guardian is listed`);
  }
  const own = body.pupils.findIndex((p) => p.id === body.pupil.id);
  const mark = viewerIsGuardian ? 'Ditt barn' : 'Du';
  expect(texts.some((t) => t.label === mark && Math.abs(t.y - tops[own]) < 14), `${body.pupil.name} is not marked "${mark}"`);
}

async function screenshot(sk, file, width, height) {
  const before = sk.page.viewportSize();
  await sk.page.setViewportSize({ width, height });
  await sk.page.mouse.move(5, height - 5);
  await sk.waitIdle();
  await sk.screenshot(path.join(shots, file));
  await sk.page.setViewportSize(before);
  await sk.waitIdle();
}

async function openSettings(sk) {
  await sk.click('Mina kontaktuppgifter', { role: 'tab' });
  await sk.waitFor('Telefon', { role: 'checkbox' });
  await sk.waitIdle();
}

const browser = await launchBrowser();
const browser2 = await launchBrowser();
let sk, sk2, me, elsa, myPhone, list;
try {
  await check(`guardian opens Kontaktlista for ${child}: staff first, then the API's pupils with their guardians`, async () => {
    sk = await SkolnavPage.open(browser.context, url, { viewport: { width: 1280, height: 800 } });
    await signIn(sk, guardian);
    // The demo shows demo.vh's phone; make sure it is so before starting.
    const v = await apiGet(sk, VISIBILITY);
    expect(v.status === 200, `GET ${VISIBILITY} answered ${v.status}`);
    if (!v.body.visibility.phone) await apiPut(sk, VISIBILITY, { phone: true });
    myPhone = v.body.details.phone;
    expect(myPhone, `${guardian} has no phone number in the demo`);
    ({ me, pupil: elsa } = await openKontaktlista(sk, child));
    list = await contacts(sk, elsa.id);
    expect(list.pupils.length >= 2 && list.staff.length >= 1, 'the demo class is too small to test');
    const mine = list.pupils.flatMap((p) => p.guardians).find((g) => g.me);
    expect(mine && mine.id === me.id && mine.phone === myPhone, 'the API does not list the guardian with the phone');
    await showWhole(sk, list);
    await expectListMatches(sk, list, { viewerIsGuardian: true });
    const texts = await sk.texts();
    expect(texts.some((t) => t.startsWith(`Klasslistan för ${list.group.name} på ${list.school.name}.`)), 'no "Klasslistan för … på …"');
    expect(texts.includes(`${list.pupils.length} elever`), `no "${list.pupils.length} elever"`);
    await screenshot(sk, 'kontaktlista-list-1280.png', 1280, 800);
  });

  await check('an e-mail address opens mailto:<address>; "E-posta alla vårdnadshavare" opens all as blind copies', async () => {
    await interceptOpen(sk);
    const teacher = list.staff.find((s) => s.mentor) || list.staff[0];
    await sk.click(teacher.email, { role: 'link' });
    let got = await opened(sk);
    expect(got.at(-1) === `mailto:${teacher.email}`, `opened ${JSON.stringify(got)}, expected mailto:${teacher.email}`);
    const other = list.pupils.flatMap((p) => p.guardians).find((g) => !g.me && g.email);
    await sk.click(other.email, { role: 'link' });
    got = await opened(sk);
    expect(got.at(-1) === `mailto:${other.email}`, `opened ${got.at(-1)}, expected mailto:${other.email}`);
    await sk.click('E-posta alla vårdnadshavare', { role: 'button' });
    got = await opened(sk);
    const all = got.at(-1);
    expect(all.startsWith('mailto:?bcc='), `"E-posta alla" opened ${all}`);
    const sent = decodeURIComponent(all.slice('mailto:?bcc='.length)).split(',').sort();
    const want = [...new Set(list.pupils.flatMap((p) => p.guardians).filter((g) => !g.me && g.email).map((g) => g.email))].sort();
    expect(JSON.stringify(sent) === JSON.stringify(want), `bcc ${sent.join(', ')}\n     the API's guardians: ${want.join(', ')}`);
    const count = (await sk.texts()).find((t) => t.endsWith('adresser, som hemlig kopia'));
    expect(count === `${want.length} adresser, som hemlig kopia`, `the count beside the button says "${count}"`);
    await showNormal(sk);
  });

  await check('the view draws no frames while idle (3 s)', async () => {
    await sk.page.mouse.move(5, 5);
    await sk.waitIdle();
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('"Mina kontaktuppgifter" shows the API\'s choice as ticked boxes, with the details', async () => {
    await openSettings(sk);
    const v = (await apiGet(sk, VISIBILITY)).body;
    for (const [label, key] of [['E-post', 'email'], ['Telefon', 'phone'], ['Adress', 'address']]) {
      const box = await sk.find(label, { role: 'checkbox' });
      expect(box, `no "${label}" checkbox`);
      expect(box.checked === v.visibility[key], `"${label}" is ${box.checked ? '' : 'not '}ticked; the API says ${v.visibility[key]}`);
      if (v.details[key]) expect((await sk.texts()).includes(v.details[key]), `${label} detail ${v.details[key]} not shown`);
    }
    const save = await sk.find('Spara', { role: 'button' });
    expect(save && save.disabled, '"Spara" is enabled with nothing changed');
    expect(await sk.find('Så här visas du för andra', { role: 'text' }), 'no preview of the own entry');
    await screenshot(sk, 'kontaktlista-settings-1280.png', 1280, 800);
  });

  await check('unticking "Telefon" and "Spara": saved, the API hides the phone, the own entry shows none', async () => {
    await sk.click('Telefon', { role: 'checkbox' });
    expect((await sk.find('Telefon', { role: 'checkbox' })).checked === false, '"Telefon" is still ticked');
    await sk.waitFor('Du har ändringar som inte är sparade.', { role: 'text' });
    expect((await apiGet(sk, VISIBILITY)).body.visibility.phone === true, 'unticking alone saved it');
    await sk.click('Spara', { role: 'button' });
    await sk.waitFor('Sparat. Andra ser nu ', { role: 'text' });
    const saved = (await sk.texts()).find((t) => t.startsWith('Sparat.'));
    expect(!saved.includes('telefonnummer'), `the saved note still names the phone: "${saved}"`);
    const v = (await apiGet(sk, VISIBILITY)).body.visibility;
    expect(v.phone === false && v.email === true, `the API has ${JSON.stringify(v)}`);
    expect((await sk.find('Spara', { role: 'button' })).disabled, '"Spara" stays enabled after saving');
    await screenshot(sk, 'kontaktlista-settings-saved-1280.png', 1280, 800);
    await sk.click('Klasslistan', { role: 'tab' });
    await sk.waitFor('Personal', { role: 'text' });
    await sk.waitIdle();
    list = await contacts(sk, elsa.id);
    await showWhole(sk, list);
    const mine = list.pupils.flatMap((p) => p.guardians).find((g) => g.me);
    expect(!('phone' in mine), 'the API still lists the phone');
    await expectListMatches(sk, list, { viewerIsGuardian: true });
    expect(!(await everyLabel(sk)).some((l) => l.includes(myPhone)), `${myPhone} is still on screen`);
    await showNormal(sk);
  });

  let amira;
  await check(`another family's guardian (${otherGuardian}) in the class no longer sees the phone`, async () => {
    sk2 = await SkolnavPage.open(browser2.context, url, { viewport: { width: 1280, height: 800 } });
    await signIn(sk2, otherGuardian);
    const them = await apiGet(sk2, '/api/v1/me');
    amira = (them.body.pupils || []).find((p) => p.group === elsa.group && p.school.id === elsa.school.id);
    expect(amira, `${otherGuardian} has no child in ${elsa.group}`);
    await openKontaktlista(sk2, amira.first_name);
    const theirs = await contacts(sk2, amira.id);
    const anna = theirs.pupils.flatMap((p) => p.guardians).find((g) => g.id === me.id);
    expect(anna, `${otherGuardian} does not see ${me.name} in the list`);
    expect(!anna.me && !('phone' in anna), `the API gives ${otherGuardian} ${JSON.stringify(anna)}`);
    await showWhole(sk2, theirs);
    await expectListMatches(sk2, theirs, { viewerIsGuardian: true });
    expect(!(await everyLabel(sk2)).some((l) => l.includes(myPhone)), `${otherGuardian} sees ${myPhone}`);
  });

  await check('a failed save is told next to the form; "Försök igen" saves, and the phone shows again', async () => {
    await openSettings(sk);
    await sk.click('Telefon', { role: 'checkbox' });
    const message = 'Servern kunde inte spara just nu.';
    await sk.page.route('**/api/v1/me/contact-visibility', (route) => (route.request().method() === 'PUT'
      ? route.fulfill({ status: 503, contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unavailable', field: null, message } }) })
      : route.continue()));
    await sk.click('Spara', { role: 'button' });
    await sk.waitFor(`Dina val kunde inte sparas: ${message}`, { role: 'text' });
    expect((await sk.find('Telefon', { role: 'checkbox' })).checked === true, 'the choice was lost after the failure');
    expect(!(await sk.find('Sparat.', { role: 'text' })), 'says saved after a failure');
    expect((await apiGet(sk, VISIBILITY)).body.visibility.phone === false, 'the API changed despite the failure');
    await screenshot(sk, 'kontaktlista-settings-failed-1280.png', 1280, 800);
    await sk.page.unroute('**/api/v1/me/contact-visibility');
    await sk.click('Försök igen', { role: 'button' });
    await sk.waitFor('Sparat. Andra ser nu ', { role: 'text' });
    expect(!(await sk.find('Dina val kunde inte sparas', { role: 'text' })), 'the error stays after saving');
    expect((await apiGet(sk, VISIBILITY)).body.visibility.phone === true, 'the API does not show the phone again');
    // And the other family sees it again, on screen and in the API.
    await sk2.reload();
    await openKontaktlista(sk2, amira.first_name);
    const theirs = await contacts(sk2, amira.id);
    const anna = theirs.pupils.flatMap((p) => p.guardians).find((g) => g.id === me.id);
    expect(anna.phone === myPhone, `the API gives ${otherGuardian} ${JSON.stringify(anna)}`);
    await showWhole(sk2, theirs);
    await expectListMatches(sk2, theirs, { viewerIsGuardian: true });
    expect((await sk2.texts()).includes(myPhone), `${otherGuardian} does not see ${myPhone} again`);
    await showNormal(sk2);
  });

  await check('a pupil reads the class list but gets no settings; the API refuses them too', async () => {
    if (await sk2.find('Logga ut', { role: 'button' })) await signOut(sk2);
    await signIn(sk2, pupil);
    const { pupil: self } = await openKontaktlista(sk2, child);
    const body = await contacts(sk2, self.id);
    await showWhole(sk2, body);
    await expectListMatches(sk2, body, { viewerIsGuardian: false });
    expect(!(await sk2.find('Mina kontaktuppgifter')), 'the pupil gets "Mina kontaktuppgifter"');
    expect(!(await sk2.widgets()).some((w) => w.role === 'checkbox'), 'the pupil gets checkboxes');
    expect(!(await sk2.find('E-posta alla vårdnadshavare')), 'the pupil gets "E-posta alla vårdnadshavare"');
    expect((await apiGet(sk2, VISIBILITY)).status === 403, 'GET contact-visibility is not refused for the pupil');
    expect((await apiPut(sk2, VISIBILITY, { phone: false })).status === 403, 'PUT contact-visibility is not refused for the pupil');
    await screenshot(sk2, 'kontaktlista-pupil-1280.png', 1280, 800);
  });

  await check(`the preschool list (${preschoolChild}) matches its API: staff, then the children with their guardians`, async () => {
    const { pupil: olle } = await openKontaktlista(sk, preschoolChild);
    const body = await contacts(sk, olle.id);
    await showWhole(sk, body);
    await expectListMatches(sk, body, { viewerIsGuardian: true });
    const texts = await sk.texts();
    expect(texts.includes('Barn och vårdnadshavare'), 'no "Barn och vårdnadshavare"');
    expect(await sk.find('Barngruppen', { role: 'tab' }), 'no "Barngruppen" tab');
    await screenshot(sk, 'kontaktlista-forskola-1280.png', 1280, 800);
  });

  await check('on a phone (360 px) the list and the settings fit the screen', async () => {
    await sk.page.setViewportSize({ width: 360, height: 780 });
    await openKontaktlista(sk, child);
    const fits = async (what) => {
      const { height } = sk.page.viewportSize();
      for (const w of await sk.widgets())
        if (w.y < height)
          expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `${what}: "${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    };
    await fits('list');
    await screenshot(sk, 'kontaktlista-list-360.png', 360, 780);
    // The whole list, read in a tall phone window, still matches the API.
    const body = await contacts(sk, elsa.id);
    await showWhole(sk, body);
    await expectListMatches(sk, body, { viewerIsGuardian: true });
    await fits('tall list');
    await sk.page.mouse.move(5, 5);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'kontaktlista-list-360-whole.png'));
    await showNormal(sk);
    await openSettings(sk);
    await fits('settings');
    await screenshot(sk, 'kontaktlista-settings-360.png', 360, 780);
  });
} finally {
  await browser.close();
  await browser2.close();
}
finish(sk);
