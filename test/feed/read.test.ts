import { expect } from '@open-wc/testing';
import { readFeed } from '../../src/feed/read.js';
import type { Problem } from '../../src/feed/problems.js';
import { summarizeProblems } from '../../src/feed/report.js';

const BASE = 'https://feeds.example.org/mi/feed.json';
const V = 'https://jsonfeed.org/version/1.1';

async function json(path: string): Promise<unknown> {
  return (await fetch(path)).json();
}

/** Read a document that must be usable. */
function read(raw: unknown) {
  const { feed, problems } = readFeed(raw, BASE);
  expect(feed, JSON.stringify(problems)).to.exist;
  return { feed: feed!, problems };
}

const brief = (problems: readonly Problem[]) => problems.map((p) => [p.path, p.outcome]);

const hubs = (...properties: object[]) => ({
  type: 'FeatureCollection',
  features: properties.map((p, i) => ({
    type: 'Feature',
    id: `h${i}`,
    geometry: { type: 'Point', coordinates: [-90.5, 14.6] },
    properties: { name: `Hub ${i}`, country: 'GT', ...p },
  })),
});

describe('readFeed', () => {
  it('reads the demo feed whole: news, quiz, hubs and campaigns, with no problem', async () => {
    const { feed, problems } = read(await json('/demo/feed.json'));
    expect(feed.kind).to.equal('feed');
    expect(feed.items).to.have.length(14);
    expect(feed.items.filter((i) => i.language === 'es')).to.have.length(7);
    expect(feed.quizzes).to.have.length(1);
    expect(feed.quizzes[0].questions).to.have.length(8);
    expect(feed.hubs).to.have.length(36);
    expect(feed.campaigns).to.have.length(4);
    expect(feed.report).to.equal('mailto:datos@migration-info-widgets.example');
    const libertad = feed.hubs.find((h) => h.id === 'hub-la-libertad')!;
    expect(libertad).to.include({ cost: 'free', verified: '2026-11-20' });
    expect(libertad.report).to.match(/^https:\/\/migration-info-widgets\.example\/report\?/);
    expect(feed.hubs.find((h) => h.id === 'hub-tapachula')!.cost).to.have.property('es');
    expect(problems).to.deep.equal([]);
  });

  it('keeps the demo hubs in GeoJSON order: longitude first', async () => {
    const { feed } = read(await json('/demo/feed.json'));
    for (const hub of feed.hubs) {
      // Mexico, Central America and the Caribbean: west of -68°, between 7° and 33° north.
      expect(hub.lon, hub.id).to.be.within(-118, -68);
      expect(hub.lat, hub.id).to.be.within(7, 33);
    }
  });

  it('a typo in every entry: keeps each entry that has what makes it useful, names each problem with its path and outcome', async () => {
    const expected = (await json('/test/fixtures/corpus/typos.expected.json')) as {
      shown: Record<string, string[]>;
      problems: [string, string][];
    };
    const { feed, problems } = read(await json('/test/fixtures/corpus/typos.json'));
    expect(feed.items.map((i) => i.id)).to.deep.equal(expected.shown.items);
    expect(
      feed.quizzes.map((q) => `${q.id}:${q.questions.map((s) => s.id).join(',')}`),
    ).to.deep.equal(expected.shown.quizzes);
    expect(feed.hubs.map((h) => h.id)).to.deep.equal(expected.shown.hubs);
    expect(feed.campaigns.map((c) => c.id)).to.deep.equal(expected.shown.campaigns);
    expect(brief(problems)).to.deep.equal(expected.problems);
    for (const p of problems) {
      expect(p.expected, p.path).to.be.a('string').and.not.equal('');
      expect(p.found, p.path).to.be.a('string').and.not.equal('');
      expect(p.entry, p.path).to.match(/^(items|_migration_info)/);
    }
    expect(summarizeProblems(problems)).to.equal(
      '25 problems: 10 fields dropped, 6 values normalized, 2 news items dropped, 2 statements dropped, 1 quiz dropped, 2 hubs dropped, 2 campaigns dropped',
    );
  });

  it('says what a dropped value was and what a normalized one became', async () => {
    const { feed, problems } = read(await json('/test/fixtures/corpus/typos.json'));
    const at = (path: string) => problems.find((p) => p.path === path)!;
    expect(at('items[1].image')).to.include({
      expected: 'an http(s) URL',
      found: '"ftp://files.example.org/a.png"',
      outcome: 'field dropped',
      entry: 'items[1] (id "n2")',
      section: 'news',
    });
    expect(feed.items[1]).to.not.have.property('image');
    expect(at('_migration_info.hubs.features[0].properties.phone')).to.include({
      found: '"+502 2233-4455"',
      normalized: '"+50222334455"',
      section: 'hubs',
    });
    expect(feed.hubs[0].phone).to.equal('+50222334455');
    expect(at('items[4].url').normalized).to.equal('"https://www.iom.int/news"');
    expect(feed.items[4].url).to.equal('https://www.iom.int/news');
    expect(at('_migration_info.campaigns[2].cta.url').dropped).to.equal(
      '_migration_info.campaigns[2].cta',
    );
    expect(feed.campaigns[2]).to.not.have.property('cta');
    expect(at('_migration_info.campaigns[4].ends').note).to.match(/never end/);
    // A statement in a dropped quiz is lost with it.
    expect(at('_migration_info.quizzes[1].questions[0].statement')).to.include({
      outcome: 'entry dropped',
      dropped: '_migration_info.quizzes[1].questions[0]',
    });
  });

  it('an unknown time zone: the hours stay, read in the country’s one zone, and the problem says so', () => {
    const hours = [{ days: ['mo'], opens: '08:00', closes: '16:00' }];
    const { feed, problems } = read(
      hubs(
        { timezone: 'Mars/Olympus', opening_hours: hours },
        { timezone: 'Mars/Olympus', country: 'MX', opening_hours: hours },
      ),
    );
    expect(feed.hubs[0].timezone).to.equal('America/Guatemala');
    expect(feed.hubs[0].opening_hours).to.deep.equal(hours);
    expect(problems[0]).to.include({
      path: 'features[0].properties.timezone',
      outcome: 'value normalized',
      normalized: '"America/Guatemala"',
    });
    expect(problems[0].note).to.contain('America/Guatemala');
    // Mexico has several zones: the visitor's is used, and said.
    expect(feed.hubs[1].timezone).to.be.undefined;
    expect(feed.hubs[1].opening_hours).to.deep.equal(hours);
    expect(problems[1]).to.include({ outcome: 'field dropped' });
    expect(problems[1].note).to.contain("visitor's time zone");
  });

  it('normalizes obvious forms and accepts contact links where the field is a contact', () => {
    const { feed, problems } = read(
      hubs({
        phone: 'tel:+50222334455',
        email: 'mailto:info@example.org',
        whatsapp: '+502 (2233) 44.55',
        country: 'Guatemala',
        languages: ['ES', 'es-mx', ' kek '],
        opening_hours: [{ days: ['Mo', 'tu'], opens: '8:00', closes: '16:00' }],
      }),
    );
    const [hub] = feed.hubs;
    expect(hub).to.include({
      phone: '+50222334455',
      email: 'info@example.org',
      whatsapp: '+50222334455',
      country: 'GT',
    });
    expect(hub.languages).to.deep.equal(['ES', 'es-mx', 'kek']);
    expect(hub.opening_hours).to.deep.equal([
      { days: ['mo', 'tu'], opens: '08:00', closes: '16:00' },
    ]);
    // tel: and mailto: are allowed forms, language tags any case: no problem for those.
    expect(problems.map((p) => p.path)).to.deep.equal([
      'features[0].properties.country',
      'features[0].properties.languages[2]',
      'features[0].properties.whatsapp',
      'features[0].properties.opening_hours[0].days[0]',
      'features[0].properties.opening_hours[0].opens',
    ]);
    expect(problems.every((p) => p.outcome === 'value normalized')).to.be.true;
  });

  it('what to know before going: clean values kept, messy ones normalized or dropped with their path, the hub kept', () => {
    const { feed, problems } = read(
      hubs(
        {
          eligibility: {
            es: 'Personas migrantes y sus familias',
            en: 'Migrants and their families',
          },
          cost: 'free',
          documents: 'DPI o pasaporte',
          accessibility: { en: 'Step-free entrance' },
          verified: '2026-11-20',
          report: 'https://example.org/report?hub=h0',
        },
        { cost: ' Gratis ', verified: ' 2026-11-20 ', report: 'MAILTO:Datos@Example.org' },
        { cost: 'GRATUITO', report: 'datos@example.org' },
        { cost: 'grátis', report: 'www.example.org/report' },
        { cost: 0, report: ' https://example.org/r ' },
        { cost: '0,00' },
        { cost: 'Consulta Q25' },
        { cost: { es: 'Gratis', en: 'Free' } },
        {
          cost: true,
          eligibility: '  ',
          documents: ['DPI'],
          accessibility: 12,
          verified: '20/11/2026',
          report: 'javascript:alert(1)',
        },
        { cost: '', verified: '2026-02-30', report: 'ftp://example.org/report' },
        { verified: 20261120, report: 'llame al centro' },
        { report: '/report' },
      ),
    );
    expect(feed.hubs).to.have.length(12);
    const know = feed.hubs.map(
      ({ eligibility, cost, documents, accessibility, verified, report }) =>
        JSON.parse(
          JSON.stringify({ eligibility, cost, documents, accessibility, verified, report }),
        ) as object,
    );
    expect(know).to.deep.equal([
      {
        eligibility: { es: 'Personas migrantes y sus familias', en: 'Migrants and their families' },
        cost: 'free',
        documents: 'DPI o pasaporte',
        accessibility: { en: 'Step-free entrance' },
        verified: '2026-11-20',
        report: 'https://example.org/report?hub=h0',
      },
      { cost: 'free', verified: '2026-11-20', report: 'mailto:Datos@Example.org' },
      { cost: 'free', report: 'mailto:datos@example.org' },
      { cost: 'free', report: 'https://www.example.org/report' },
      { cost: 'free', report: 'https://example.org/r' },
      { cost: 'free' },
      { cost: 'Consulta Q25' },
      { cost: { es: 'Gratis', en: 'Free' } },
      {},
      {},
      {},
      {},
    ]);
    const at = (path: string) => problems.find((p) => p.path === `features[${path}`)!;
    expect(at('1].properties.cost')).to.include({
      expected: '"free"',
      found: '" Gratis "',
      outcome: 'value normalized',
      normalized: '"free"',
    });
    expect(at('4].properties.cost')).to.include({ found: '0', normalized: '"free"' });
    expect(at('3].properties.report')).to.include({
      outcome: 'value normalized',
      normalized: '"https://www.example.org/report"',
    });
    expect(at('8].properties.report')).to.include({
      expected: 'an http(s) URL or an e-mail address',
      found: '"javascript:alert(1)"',
      outcome: 'field dropped',
      entry: 'features[8] (id "h8")',
      section: 'hubs',
    });
    expect(at('8].properties.cost')).to.include({ found: 'true', outcome: 'field dropped' });
    expect(at('8].properties.verified')).to.include({
      expected: 'a date such as "2026-12-24"',
      found: '"20/11/2026"',
    });
    // A mailto: prefix, a bare address and the parser's own spelling of a URL are no problem.
    expect(brief(problems)).to.deep.equal([
      ['features[1].properties.cost', 'value normalized'],
      ['features[1].properties.verified', 'value normalized'],
      ['features[2].properties.cost', 'value normalized'],
      ['features[3].properties.cost', 'value normalized'],
      ['features[3].properties.report', 'value normalized'],
      ['features[4].properties.cost', 'value normalized'],
      ['features[4].properties.report', 'value normalized'],
      ['features[5].properties.cost', 'value normalized'],
      ['features[8].properties.eligibility', 'field dropped'],
      ['features[8].properties.cost', 'field dropped'],
      ['features[8].properties.documents', 'field dropped'],
      ['features[8].properties.accessibility', 'field dropped'],
      ['features[8].properties.verified', 'field dropped'],
      ['features[8].properties.report', 'field dropped'],
      ['features[9].properties.cost', 'field dropped'],
      ['features[9].properties.verified', 'field dropped'],
      ['features[9].properties.report', 'field dropped'],
      ['features[10].properties.verified', 'field dropped'],
      ['features[10].properties.report', 'field dropped'],
      ['features[11].properties.report', 'field dropped'],
    ]);
  });

  it('test/fixtures/hubs-know.geojson: what to know before going, clean, messy, bad and long', async () => {
    const { feed, problems } = read(await json('/test/fixtures/hubs-know.geojson'));
    const byId = Object.fromEntries(feed.hubs.map((h) => [h.id, h]));
    expect(Object.keys(byId)).to.deep.equal([
      'know-all',
      'text-cost',
      'messy',
      'zero-www',
      'bad-values',
      'long-texts',
      'nothing-to-know',
    ]);
    expect(byId['know-all']).to.include({
      cost: 'free',
      verified: '2026-11-20',
      report: 'https://example.org/report?hub=know-all',
    });
    expect(byId['text-cost'].cost).to.deep.equal({
      es: 'Consulta legal Q25; la orientación es gratuita',
      en: 'Legal consultation Q25; advice is free',
    });
    expect(byId['text-cost'].report).to.equal('mailto:datos@example.org');
    expect(byId.messy).to.include({
      cost: 'free',
      verified: '2026-10-01',
      report: 'mailto:DATOS@EXAMPLE.ORG',
    });
    expect(byId.messy.documents).to.deep.equal({ es: 'DPI', EN: 'ID card' });
    expect(byId['zero-www']).to.include({
      cost: 'free',
      report: 'https://www.example.org/reportar',
    });
    for (const field of ['eligibility', 'cost', 'documents', 'accessibility', 'verified', 'report'])
      expect(byId['bad-values'], field).to.not.have.property(field);
    // A list where text belongs is wrong as a whole, and said so.
    expect(problems.find((p) => p.path === 'features[4].properties.documents')).to.include({
      found: '["DPI","pasaporte"]',
      outcome: 'field dropped',
    });
    expect(problems.every((p) => /^features\[[234]\]/.test(p.path))).to.be.true;
  });

  it('where to report wrong information for the whole feed: _migration_info.report, none for a bare FeatureCollection', () => {
    const report = (value: unknown) => {
      const { feed, problems } = read({
        version: V,
        items: [],
        _migration_info: { report: value },
      });
      return { report: feed.report, problems: brief(problems) };
    };
    expect(report('mailto:datos@example.org')).to.deep.equal({
      report: 'mailto:datos@example.org',
      problems: [],
    });
    expect(report('Datos@Example.org ')).to.deep.equal({
      report: 'mailto:Datos@Example.org',
      problems: [['_migration_info.report', 'value normalized']],
    });
    expect(report('https://example.org/report')).to.deep.equal({
      report: 'https://example.org/report',
      problems: [],
    });
    for (const bad of ['javascript:alert(1)', 'ftp://example.org/r', 'report.html', 42]) {
      expect(report(bad), String(bad)).to.deep.equal({
        report: undefined,
        problems: [['_migration_info.report', 'field dropped']],
      });
    }
    expect(read({ version: V, items: [] }).feed.report).to.be.undefined;
    const bare = read(hubs({ report: 'datos@example.org' })).feed;
    expect(bare.kind).to.equal('hubs');
    expect(bare.report).to.be.undefined;
    expect(bare.hubs[0].report).to.equal('mailto:datos@example.org');
  });

  it('one unreadable opening time drops all the hours — never a wrong "open now" — and keeps the hub', () => {
    const { feed, problems } = read(
      hubs({
        opening_hours: [
          { days: ['mo'], opens: '08:00', closes: '12:00' },
          { days: ['monday'], opens: '14:00', closes: '17:00' },
        ],
      }),
    );
    expect(feed.hubs).to.have.length(1);
    expect(feed.hubs[0].opening_hours).to.be.undefined;
    expect(brief(problems)).to.deep.equal([
      ['features[0].properties.opening_hours[1].days[0]', 'field dropped'],
    ]);
    expect(problems[0].dropped).to.equal('features[0].properties.opening_hours');
  });

  it('impossible dates are problems, never rolled over', () => {
    const item = (id: string, date: string) => ({ id, title: id, date_published: date });
    const { feed, problems } = read({
      version: V,
      items: [
        item('a', '2026-02-30'),
        item('b', '2023-02-29'),
        item('c', '2024-02-29'),
        item('d', '2022-11-08T24:00:00Z'),
        item('e', '2022-11-08T06:00:00-06:00'),
      ],
    });
    expect(feed.items.map((i) => i.date_published)).to.deep.equal([
      undefined,
      undefined,
      '2024-02-29',
      undefined,
      '2022-11-08T06:00:00-06:00',
    ]);
    expect(problems.map((p) => p.path)).to.deep.equal([
      'items[0].date_published',
      'items[1].date_published',
      'items[3].date_published',
    ]);
  });

  it('makes relative URLs absolute against the feed address', () => {
    const { feed } = read({
      version: V,
      title: 't',
      items: [{ id: '1', content_text: 'x', url: 'news/1.html', image: '/img/1.png' }],
    });
    expect(feed.items[0].url).to.equal('https://feeds.example.org/mi/news/1.html');
    expect(feed.items[0].image).to.equal('https://feeds.example.org/img/1.png');
  });

  it('text in a map: a bad language key is dropped, the other languages kept; a map with no text is no text', () => {
    const { feed, problems } = read({
      version: V,
      title: { es: 'Noticias', en: 'News' },
      items: [
        { id: 'a', title: { es: 'Hola', "q'eqchi": 'Xyaab’' }, content_text: 'x' },
        { id: 'b', title: {}, content_text: 'x' },
        JSON.parse('{"id": "c", "title": {"__proto__": "x", "en": "Hi"}, "content_text": "x"}'),
      ],
    });
    expect(feed.items[0].title).to.deep.equal({ es: 'Hola' });
    expect(feed.items[1].title).to.be.undefined;
    expect(feed.items[2].title).to.deep.equal({ en: 'Hi' });
    // A "__proto__" key is no language: ignored, and the map's prototype untouched.
    expect(Object.getPrototypeOf(feed.items[2].title)).to.equal(Object.prototype);
    expect(brief(problems)).to.deep.equal([
      ['items[0].title["q\'eqchi"]', 'field dropped'],
      ['items[1].title', 'field dropped'],
    ]);
  });

  it('recordings: audio attachments and per-language audio, resolved; a bad one dropped with its path, the entry kept', () => {
    const { feed, problems } = read({
      version: V,
      items: [
        {
          id: 'n1',
          title: 'Noticia',
          language: 'es',
          attachments: [
            { url: 'audio/n1.mp3', mime_type: ' Audio/MPEG ', duration_in_seconds: '42' },
            { url: 'javascript:alert(1)', mime_type: 'audio/mpeg' },
            {
              url: 'audio/n1-quc.ogg',
              mime_type: 'audio/ogg',
              _language: 'quc',
              size_in_bytes: 'big',
            },
            { url: 'doc.pdf' },
            'audio/n1.wav',
          ],
        },
        { id: 'n2', title: 'Otra', attachments: { url: 'a.mp3', mime_type: 'audio/mpeg' } },
      ],
      _migration_info: {
        quizzes: [
          {
            questions: [
              {
                statement: { es: 'Mito', kek: 'Ab’l' },
                answer: 'myth',
                audio: { es: 'audio/q1-es.mp3', kek: 'www.example.org/q1-kek.mp3', xx_YY: 'q.mp3' },
                explanation_audio: 'audio/q1-why.mp3',
              },
              { statement: 'S2', answer: 'fact', audio: { es: 'ftp://x/q2.mp3' } },
              { statement: 'S3', answer: 'fact', audio: 12, explanation_audio: ['a.mp3'] },
            ],
          },
        ],
        campaigns: [
          { id: 'c', title: 'C', audio: { es: 'https://cdn.example.org/c-es.mp3' } },
          { id: 'd', title: 'D', audio: 'data:audio/wav;base64,AAAA' },
        ],
      },
    });
    const [n1, n2] = feed.items;
    expect(n1.attachments).to.deep.equal([
      {
        url: 'https://feeds.example.org/mi/audio/n1.mp3',
        mime_type: 'audio/mpeg',
        duration_in_seconds: 42,
      },
      {
        url: 'https://feeds.example.org/mi/audio/n1-quc.ogg',
        mime_type: 'audio/ogg',
        _language: 'quc',
      },
    ]);
    expect(n2.title).to.equal('Otra');
    expect(n2.attachments).to.be.undefined;
    const [q1, q2, q3] = feed.quizzes[0].questions;
    expect(q1.audio).to.deep.equal({
      es: 'https://feeds.example.org/mi/audio/q1-es.mp3',
      kek: 'https://www.example.org/q1-kek.mp3',
    });
    expect(q1.explanation_audio).to.equal('https://feeds.example.org/mi/audio/q1-why.mp3');
    expect(q2.statement).to.equal('S2');
    expect(q2.audio).to.be.undefined;
    expect(q3.audio).to.be.undefined;
    expect(q3.explanation_audio).to.be.undefined;
    expect(feed.campaigns.map((c) => [c.id, c.audio])).to.deep.equal([
      ['c', { es: 'https://cdn.example.org/c-es.mp3' }],
      ['d', undefined],
    ]);
    expect(brief(problems)).to.deep.equal([
      ['items[0].attachments[0].mime_type', 'value normalized'],
      ['items[0].attachments[0].duration_in_seconds', 'value normalized'],
      ['items[0].attachments[1].url', 'field dropped'],
      ['items[0].attachments[2].size_in_bytes', 'field dropped'],
      ['items[0].attachments[3].mime_type', 'field dropped'],
      ['items[0].attachments[4]', 'field dropped'],
      ['items[1].attachments', 'field dropped'],
      ['_migration_info.quizzes[0].questions[0].audio.kek', 'value normalized'],
      ['_migration_info.quizzes[0].questions[0].audio.xx_YY', 'field dropped'],
      ['_migration_info.quizzes[0].questions[1].audio.es', 'field dropped'],
      ['_migration_info.quizzes[0].questions[1].audio', 'field dropped'],
      ['_migration_info.quizzes[0].questions[2].audio', 'field dropped'],
      ['_migration_info.quizzes[0].questions[2].explanation_audio', 'field dropped'],
      ['_migration_info.campaigns[1].audio', 'field dropped'],
    ]);
  });

  it('a campaign goes when its targeting or dates cannot be read, rather than showing to everyone or forever', () => {
    const { feed, problems } = read({
      version: V,
      items: [],
      _migration_info: {
        campaigns: [
          { id: 'ok', title: 'Ok', countries: ['GT', 'Narnia'] },
          { id: 'nowhere', title: 'All bad', countries: ['Narnia'] },
          { id: 'backwards', title: 'B', starts: '2026-12-31', ends: '2026-01-01' },
          { id: 'bad-start', title: 'S', starts: 'next monday' },
        ],
      },
    });
    expect(feed.campaigns.map((c) => c.id)).to.deep.equal(['ok']);
    expect(feed.campaigns[0].countries).to.deep.equal(['GT']);
    expect(brief(problems)).to.deep.equal([
      ['_migration_info.campaigns[0].countries[1]', 'field dropped'],
      ['_migration_info.campaigns[1].countries[0]', 'entry dropped'],
      ['_migration_info.campaigns[1].countries', 'entry dropped'],
      ['_migration_info.campaigns[2]', 'entry dropped'],
      ['_migration_info.campaigns[3].starts', 'entry dropped'],
    ]);
  });

  it('ids: a repeated one drops the later entry; quizzes and statements without one get one', () => {
    const { feed, problems } = read({
      version: V,
      items: [
        { id: 'a', title: 'A' },
        { id: 'a', title: 'Again' },
      ],
      _migration_info: {
        quizzes: [{ questions: [{ statement: 'S', answer: 'myth' }] }],
      },
    });
    expect(feed.items.map((i) => i.title)).to.deep.equal(['A']);
    expect(problems.find((p) => p.path === 'items[1].id')).to.include({
      expected: 'an id not already used by items[0]',
      outcome: 'entry dropped',
    });
    expect(feed.quizzes[0].id).to.equal('quiz-1');
    expect(feed.quizzes[0].questions[0].id).to.equal('q1');
  });

  it('a bad part of _migration_info is dropped; the others are kept', () => {
    const { feed, problems } = read({
      version: V,
      items: [],
      _migration_info: {
        hubs: { type: 'Nope' },
        campaigns: [{ id: 'c1', title: 'Campaign' }],
      },
    });
    expect(feed.hubs).to.deep.equal([]);
    expect(feed.campaigns.map((c) => c.id)).to.deep.equal(['c1']);
    expect(brief(problems)).to.deep.equal([
      ['_migration_info.hubs.type', 'field dropped'],
      ['_migration_info.hubs.features', 'field dropped'],
    ]);
    expect(problems[0].dropped).to.equal('_migration_info.hubs');
    expect(problems[0].section).to.equal('hubs');
  });

  it('hubs kept in files of their own: one URL, or one per country — resolved against the feed', () => {
    const parts = (hubs: unknown) => {
      const { feed, problems } = read({ version: V, items: [], _migration_info: { hubs } });
      return { parts: feed.hubParts, hubs: feed.hubs, problems: brief(problems) };
    };
    expect(parts('hubs.geojson')).to.deep.equal({
      parts: [{ url: 'https://feeds.example.org/mi/hubs.geojson' }],
      hubs: [],
      problems: [],
    });
    expect(
      parts({
        gt: 'hubs/gt.geojson',
        MX: 'https://cdn.example.org/mx.geojson',
        other: 'hubs/other.geojson',
        Narnia: 'x',
      }),
    ).to.deep.equal({
      parts: [
        { country: 'GT', url: 'https://feeds.example.org/mi/hubs/gt.geojson' },
        { country: 'MX', url: 'https://cdn.example.org/mx.geojson' },
        { country: 'other', url: 'https://feeds.example.org/mi/hubs/other.geojson' },
      ],
      hubs: [],
      problems: [
        ['_migration_info.hubs.gt', 'value normalized'],
        ['_migration_info.hubs.Narnia', 'field dropped'],
      ],
    });
    expect(parts({ GT: 'javascript:alert(1)' }).parts).to.deep.equal([]);
    expect(parts({ type: 'FeatureCollection', features: [] }).parts).to.deep.equal([]);
  });

  it('a bare GeoJSON FeatureCollection is a document of hubs', async () => {
    const { feed, problems } = read(await json('/test/fixtures/hubs.geojson'));
    expect(feed.kind).to.equal('hubs');
    expect(feed.hubs.map((h) => h.id)).to.deep.equal(['gt', 'hub-2']);
    expect(feed.hubs[0]).to.include({ lon: -90.12, lat: 16.79, country: 'GT' });
    expect(brief(problems)).to.deep.equal([
      ['features[2].geometry.coordinates', 'entry dropped'],
      ['features[3].geometry.type', 'entry dropped'],
      ['features[3].geometry.coordinates[0]', 'entry dropped'],
      ['features[4].properties.name', 'entry dropped'],
    ]);
  });

  it('a document that is not a feed is unusable, with the reason first', () => {
    const unusable = (raw: unknown) => {
      const { feed, problems } = readFeed(raw, BASE);
      expect(feed, JSON.stringify(raw)).to.be.undefined;
      expect(problems[0].outcome).to.equal('document unusable');
      return problems[0];
    };
    expect(unusable({ hello: 'world' }).expected).to.match(/JSON Feed 1\.1/);
    unusable([]);
    unusable(null);
    expect(unusable({ version: V, title: 'x', items: 'nope' }).path).to.equal('items');
    expect(unusable({ version: 'rss', title: 'x', items: [] }).path).to.equal('version');
    // A missing version is read as 1.1, and said.
    const { feed, problems } = readFeed({ items: [{ id: 'a', title: 'A' }] }, BASE);
    expect(feed?.items).to.have.length(1);
    expect(brief(problems)).to.deep.equal([['version', 'value normalized']]);
  });
});
