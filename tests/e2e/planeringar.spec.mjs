// Planeringar end to end in a real browser against a running Skolnav server: a
// guardian opens Planeringar for Elsa and sees the plans the API gives them, current
// ones under "Pågående" first, then "Kommande", finished ones folded away behind a
// button; each card has its subject, title, period in Swedish and group. Opening the
// first shows the whole plan (text, period, author, groups); "Tillbaka till
// planeringarna" returns to the list; the list also fits a phone.
//   SKOLNAV_URL (http://localhost:8080)  SKOLNAV_SHOTS (build/screenshots)
//   SKOLNAV_GUARDIAN_USER  SKOLNAV_PASSWORD (demo)
import path from 'node:path';
import { request } from 'playwright-core';
import { launchBrowser, SkolnavPage } from './skolnav_page.mjs';
import { apiGet, check, env, expect, finish, requireEnv, signIn } from './spec_harness.mjs';

const { url, shots, guardian, password } = env;
requireEnv('guardian');
const child = 'Elsa';
const api = apiGet;

const SHORT = ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'];
const LONG = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober',
  'november', 'december'];
const dayMonth = (iso, months) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]}`;

// "30 nov – 18 dec", the year added where it is not this year.
function periodText(from, to, today) {
  let a = dayMonth(from, SHORT), b = dayMonth(to, SHORT);
  if (from.slice(0, 4) !== to.slice(0, 4)) { a += ` ${from.slice(0, 4)}`; b += ` ${to.slice(0, 4)}`; }
  else if (to.slice(0, 4) !== today.slice(0, 4)) b += ` ${to.slice(0, 4)}`;
  return from === to ? b : `${a} – ${b}`;
}
const groupsOf = (p) => (p.scope.whole_school ? 'Hela skolan' : p.scope.groups.map((g) => g.name).filter(Boolean).join(', '));

async function textsAmong(sk, labels) {
  const wanted = new Set(labels);
  const all = (await sk.widgets()).filter((w) => w.role === 'text' && wanted.has(w.label));
  all.sort((a, b) => a.y - b.y);
  return all;
}

const browser = await launchBrowser();
let sk, pupilId, reply, plans, shownPlans, first;
try {
  await check(`guardian opens Planeringar for ${child} and sees the API's plans, current first, then upcoming`, async () => {
    sk = await SkolnavPage.open(browser.context, url);
    await signIn(sk, guardian);
    const me = await api(sk, '/api/v1/me');
    const pupil = (me.body.pupils || []).find((p) => p.first_name === child);
    expect(pupil, `${guardian} has no child called ${child}`);
    pupilId = pupil.id;
    if (await sk.find(child, { role: 'tab' })) await sk.click(child, { role: 'tab' });
    await sk.click('Planeringar', { role: 'link' });
    const res = await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/plans`);
    expect(res.status === 200, `GET plans answered ${res.status}`);
    reply = res.body;
    plans = reply.plans;
    expect(plans.length > 0, `the demo has no plans for ${child}`);
    const rank = { current: 0, upcoming: 1, past: 2 };
    for (let i = 1; i < plans.length; i++)
      expect(rank[plans[i - 1].period] <= rank[plans[i].period], 'the API itself is not current, upcoming, past');
    shownPlans = plans.filter((p) => p.period !== 'past');
    expect(shownPlans.length > 0, `no current or upcoming plans for ${child}`);
    await sk.waitFor('Pågående', { role: 'text' });
    await sk.waitFor(shownPlans[0].title, { role: 'link' });
    const titles = shownPlans.map((p) => p.title);
    const shown = (await textsAmong(sk, plans.map((p) => p.title))).map((w) => w.label);
    expect(JSON.stringify(shown) === JSON.stringify(titles),
      `titles on screen:\n       ${shown.join(' | ')}\n     the API's current and upcoming:\n       ${titles.join(' | ')}`);
  });

  await check('current plans sit under "Pågående", upcoming ones under "Kommande"', async () => {
    const current = await sk.find('Pågående', { role: 'text' });
    const upcoming = await sk.find('Kommande', { role: 'text' });
    expect(current && upcoming, 'no "Pågående" or "Kommande" heading');
    expect(current.y < upcoming.y, '"Kommande" is above "Pågående"');
    const cards = await sk.findAll('', { role: 'link' });
    for (const p of shownPlans) {
      const card = cards.find((c) => c.label === p.title);
      expect(card, `no card "${p.title}"`);
      if (p.period === 'current')
        expect(card.y > current.y && card.y < upcoming.y, `current "${p.title}" is not under "Pågående"`);
      else expect(card.y > upcoming.y, `upcoming "${p.title}" is not under "Kommande"`);
    }
    if (!plans.some((p) => p.period === 'current'))
      expect(await sk.find('Inga planeringar pågår just nu.', { role: 'text' }), 'no word that nothing is current');
  });

  await check('each card shows its subject, its period in Swedish and its group', async () => {
    const texts = await sk.texts();
    for (const p of shownPlans) {
      expect(texts.includes(p.subject), `subject "${p.subject}" not shown`);
      const line = `${periodText(p.from, p.to, reply.today)} · ${groupsOf(p)}`;
      expect(texts.includes(line), `no "${line}" for "${p.title}"; texts: ${texts.join(' | ')}`);
    }
  });

  await check('finished plans are folded away behind a button', async () => {
    const past = plans.filter((p) => p.period === 'past');
    const button = await sk.find('Visa avslutade planeringar', { role: 'button' });
    if (!past.length) {
      expect(!button, 'a "Visa avslutade planeringar" button though nothing is finished');
      expect(!(await sk.find('Avslutade', { role: 'text' })), 'an "Avslutade" heading though nothing is finished');
    } else {
      expect(button && button.label.includes(`(${past.length})`), `no "Visa avslutade planeringar (${past.length})"`);
      await sk.click(button);
      await sk.waitFor(past[0].title, { role: 'link' });
      await sk.click('Dölj avslutade planeringar', { role: 'button' });
      await sk.waitGone(past[0].title, { role: 'link' });
    }
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'planeringar.png'));
  });

  await check('opening the first plan shows its whole text, period, author and groups', async () => {
    first = shownPlans[0];
    await sk.click(first.title, { role: 'link' });
    await sk.waitFor('Tillbaka till planeringarna', { role: 'button' });
    await sk.waitIdle();
    const one = await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/plans/${encodeURIComponent(first.id)}`);
    expect(one.status === 200, `GET the plan answered ${one.status}`);
    const plan = one.body.plan;
    const texts = await sk.texts();
    expect(texts.includes(plan.title), `title "${plan.title}" not shown`);
    expect(texts.includes(plan.subject), `subject "${plan.subject}" not shown`);
    expect(plan.body && texts.includes(plan.body), `the plan's text not shown; texts: ${texts.join(' | ')}`);
    const period = texts.find((t) => t.startsWith('Period: '));
    expect(period && period.includes(dayMonth(plan.from, LONG)) && period.includes(dayMonth(plan.to, LONG)),
      `no "Period: … ${dayMonth(plan.from, LONG)} – … ${dayMonth(plan.to, LONG)}"; got "${period}"`);
    expect(texts.some((t) => t.includes(`Skriven av ${plan.author.name}`) && t.includes(groupsOf(plan))),
      `no "Skriven av ${plan.author.name} · … ${groupsOf(plan)}"`);
    expect(await sk.find(plan.period === 'current' ? 'Pågående' : 'Kommande', { role: 'text' }), 'no period badge');
    for (const p of shownPlans)
      if (p.title !== first.title) expect(!texts.includes(p.title), `"${p.title}" still on screen in the plan`);
    await sk.page.mouse.move(5, 795);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'planeringar-plan.png'));
  });

  await check('the open plan draws no frames while idle (3 s)', async () => {
    const frames = await sk.framesWhileIdle(3000);
    expect(frames === 0, `${frames} frames drawn while idle`);
  });

  await check('"Tillbaka till planeringarna" returns to the list', async () => {
    await sk.click('Tillbaka till planeringarna', { role: 'button' });
    await sk.waitFor(first.title, { role: 'link' });
    expect(!(await sk.find('Tillbaka till planeringarna', { role: 'button' })), 'still in the plan');
    const shown = (await textsAmong(sk, plans.map((p) => p.title))).map((w) => w.label);
    expect(shown.length === shownPlans.length, `${shown.length} of ${shownPlans.length} plans back in the list`);
  });

  await check('a finished plan goes under "Avslutade", shown only after "Visa avslutade planeringar"', async () => {
    // The school's admin publishes a plan to the whole school that ended ten days ago.
    const me = (await api(sk, '/api/v1/me')).body;
    const school = me.pupils.find((p) => p.id === pupilId).school.id;
    const day = (n) => new Date(Date.parse(`${reply.today}T12:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
    const admin = await request.newContext({ baseURL: url });
    expect((await admin.post('/api/v1/session', { data: { username: 'demo.admin', password } })).ok(), 'admin sign-in failed');
    const title = `Skolans värdegrund ${Date.now() % 100000}`;
    const made = await admin.post(`/api/v1/schools/${school}/plans`, { data: {
      subject: 'Mentorstid', title, body: 'Vi pratade om trygghet och trivsel.', from: day(-40), to: day(-10), published: true } });
    expect(made.status() === 201, `create: ${made.status()} ${await made.text()}`);
    await admin.dispose();
    await sk.reload();
    await sk.waitFor(shownPlans[0].title, { role: 'link' });
    expect(!(await sk.find(title, { role: 'link' })), 'the finished plan is shown before asking');
    const button = await sk.waitFor('Visa avslutade planeringar', { role: 'button' });
    const past = (await api(sk, `/api/v1/pupils/${encodeURIComponent(pupilId)}/plans`)).body.plans.filter((p) => p.period === 'past');
    expect(past.some((p) => p.title === title), 'the API does not list the new plan as past');
    expect(button.label.includes(`(${past.length})`), `"${button.label}" for ${past.length} finished plans`);
    await sk.click(button);
    const card = await sk.waitFor(title, { role: 'link' });
    const heading = await sk.find('Avslutade', { role: 'text' });
    const upcoming = await sk.find('Kommande', { role: 'text' });
    expect(heading && heading.y > upcoming.y && card.y > heading.y, 'the finished plan is not under "Avslutade", below "Kommande"');
    const texts = await sk.texts();
    const line = `${periodText(day(-40), day(-10), reply.today)} · Hela skolan`;
    expect(texts.includes(line), `no "${line}"; texts: ${texts.join(' | ')}`);
    await sk.click('Dölj avslutade planeringar', { role: 'button' });
    await sk.waitGone(title, { role: 'link' });
  });

  await check('on a phone (360 px) the list fits the screen', async () => {
    sk = await SkolnavPage.open(browser.context, `${url}/#/elev/${pupilId}/planeringar`,
      { viewport: { width: 360, height: 780 } });
    await sk.waitFor(shownPlans[0].title, { role: 'link' });
    const all = await sk.widgets();
    for (const w of all.filter((x) => x.role === 'text' || x.role === 'link' || x.role === 'button'))
      if (w.y < 780) expect(w.x >= 0 && w.x + w.w <= 360 + 0.5, `"${w.label}" reaches outside the screen (x ${w.x}, w ${w.w})`);
    await sk.page.mouse.move(5, 775);
    await sk.waitIdle();
    await sk.screenshot(path.join(shots, 'planeringar-phone.png'));
  });
} finally {
  await browser.close();
}
finish(sk);
