import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { FeedSchemaError, validateFeed } from '../../src/feed/validate.js';

const BASE = 'https://feeds.example.org/mi/feed.json';
const V = 'https://jsonfeed.org/version/1.1';

async function json(path: string): Promise<unknown> {
  return (await fetch(path)).json();
}

describe('validateFeed', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => warn.restore());

  it('accepts the demo feed whole: news, quiz, hubs and campaigns, with no warning', async () => {
    const feed = validateFeed(await json('/demo/feed.json'), BASE);
    expect(feed.items).to.have.length(14);
    expect(feed.items.filter((i) => i.language === 'es')).to.have.length(7);
    expect(feed.quizzes).to.have.length(1);
    expect(feed.quizzes[0].questions).to.have.length(8);
    expect(feed.hubs).to.have.length(36);
    expect(feed.campaigns).to.have.length(3);
    expect(feed.warnings).to.deep.equal([]);
    expect(warn.called).to.be.false;
  });

  it('keeps the demo hubs in GeoJSON order: longitude first', async () => {
    const feed = validateFeed(await json('/demo/feed.json'), BASE);
    for (const hub of feed.hubs) {
      // Mexico, Central America and the Caribbean: west of -68°, between 7° and 33° north.
      expect(hub.lon, hub.id).to.be.within(-118, -68);
      expect(hub.lat, hub.id).to.be.within(7, 33);
    }
  });

  it('skips each invalid item with one warning naming the item and the field, and keeps the valid ones', async () => {
    const feed = validateFeed(await json('/test/fixtures/bad-items.json'), BASE);
    expect(feed.items.map((i) => i.id)).to.deep.equal(['good-1', 'good-2', 'good-3']);
    expect(warn.callCount).to.equal(7);
    const messages = warn.args.map((a) => String(a[0]));
    expect(messages[0]).to.match(/items\[1\].*"id"/);
    expect(messages[1]).to.match(/items\[2\] \(id "bad-date"\).*"date_published".*ISO 8601/);
    expect(messages[2]).to.match(/items\[3\] \(id "bad-url"\).*"url".*http\(s\)/);
    expect(messages[3]).to.match(/items\[4\] \(id "bad-title"\).*"title"/);
    expect(messages[4]).to.match(/items\[5\] \(id "no-content"\).*content_html or content_text/);
    expect(messages[5]).to.match(/items\[7\] \(id "good-1"\).*repeats/);
    expect(messages[6]).to.match(/items\[8\]/);
    expect(feed.warnings).to.have.length(7);
  });

  it('makes relative URLs absolute against the feed address', () => {
    const feed = validateFeed(
      {
        version: V,
        title: 't',
        items: [{ id: '1', content_text: 'x', url: 'news/1.html', image: '/img/1.png' }],
      },
      BASE,
    );
    expect(feed.items[0].url).to.equal('https://feeds.example.org/mi/news/1.html');
    expect(feed.items[0].image).to.equal('https://feeds.example.org/img/1.png');
  });

  it('accepts text as a string or as a map of language to text, and rejects an empty map', () => {
    const feed = validateFeed(
      {
        version: V,
        title: { es: 'Noticias', en: 'News' },
        items: [
          { id: 'a', title: { es: 'Hola', en: 'Hello' }, content_text: 'x' },
          { id: 'b', title: {}, content_text: 'x' },
          { id: 'c', title: { 'not a tag!': 'x' }, content_text: 'x' },
        ],
      },
      BASE,
    );
    expect(feed.items.map((i) => i.id)).to.deep.equal(['a']);
    expect(feed.title).to.deep.equal({ es: 'Noticias', en: 'News' });
  });

  it('rejects a document that is neither a JSON Feed nor a FeatureCollection', () => {
    expect(() => validateFeed({ hello: 'world' }, BASE)).to.throw(
      FeedSchemaError,
      /Not a JSON Feed/,
    );
    expect(() => validateFeed([], BASE)).to.throw(FeedSchemaError);
    expect(() => validateFeed(null, BASE)).to.throw(FeedSchemaError);
    expect(() => validateFeed({ version: V, title: 'x', items: 'nope' }, BASE)).to.throw(
      FeedSchemaError,
      /items/,
    );
    expect(() => validateFeed({ version: 'rss', title: 'x', items: [] }, BASE)).to.throw(
      FeedSchemaError,
      /version/,
    );
  });

  it('accepts a bare GeoJSON FeatureCollection and skips features that are not named, in-range Points', async () => {
    const feed = validateFeed(await json('/test/fixtures/hubs.geojson'), BASE);
    expect(feed.hubs.map((h) => h.id)).to.deep.equal(['gt', 'hub-2']);
    expect(feed.hubs[0]).to.include({ lon: -90.12, lat: 16.79, country: 'GT' });
    expect(feed.items).to.deep.equal([]);
    const messages = warn.args.map((a) => String(a[0]));
    expect(messages).to.have.length(3);
    expect(messages[0]).to.match(/features\[2\] \(id "swapped"\).*coordinates.*longitude/);
    expect(messages[1]).to.match(/features\[3\] \(id "line"\).*geometry\.type/);
    expect(messages[2]).to.match(/features\[4\] \(id "noname"\).*properties\.name/);
  });

  it('skips a quiz question without an answer or a statement, and keeps the quiz', () => {
    const feed = validateFeed(
      {
        version: V,
        title: 't',
        items: [],
        _migration_info: {
          quizzes: [
            {
              id: 'q',
              title: 'Quiz',
              questions: [
                {
                  id: '1',
                  statement: 'S',
                  answer: 'myth',
                  explanation: 'E',
                  source: { title: 'IOM', url: 'https://www.iom.int/' },
                },
                { id: '2', statement: 'S', explanation: 'E' },
                { id: '3', answer: 'fact', explanation: 'E' },
                { id: '4', statement: 'S', answer: 'maybe', explanation: 'E' },
              ],
            },
          ],
        },
      },
      BASE,
    );
    expect(feed.quizzes[0].questions.map((q) => q.id)).to.deep.equal(['1']);
    expect(warn.callCount).to.equal(3);
    expect(String(warn.args[0][0])).to.match(/quizzes\[0\]\.questions\[1\].*"answer"/);
    expect(String(warn.args[1][0])).to.match(/questions\[2\].*"statement"/);
  });

  it('ignores one bad part of _migration_info with a warning and keeps the others', () => {
    const feed = validateFeed(
      {
        version: V,
        title: 't',
        items: [],
        _migration_info: {
          hubs: { type: 'Nope' },
          campaigns: [
            {
              id: 'c1',
              title: 'Campaign',
              starts: '2026-01-01',
              ends: '2026-12-31',
              cta: { label: 'Go', url: 'https://www.iom.int/' },
            },
            { id: 'c2', title: 'Backwards', starts: '2026-12-31', ends: '2026-01-01' },
            { id: 'c3', title: 'Bad country', countries: ['Guatemala'] },
          ],
        },
      },
      BASE,
    );
    expect(feed.hubs).to.deep.equal([]);
    expect(feed.campaigns.map((c) => c.id)).to.deep.equal(['c1']);
    expect(String(warn.args[0][0])).to.match(/_migration_info\.hubs/);
  });

  it('checks hub contact fields: E.164 phones, IANA time zones, opening hours', () => {
    const point = (properties: object) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-90, 15] },
      properties: { name: 'H', country: 'GT', ...properties },
    });
    const feed = validateFeed(
      {
        type: 'FeatureCollection',
        features: [
          point({
            phone: '+50212345678',
            timezone: 'America/Guatemala',
            opening_hours: [{ days: ['mo'], opens: '08:00', closes: '16:00' }],
          }),
          point({ phone: '1234' }),
          point({ timezone: 'Mars/Olympus' }),
          point({ opening_hours: [{ days: ['monday'], opens: '8', closes: '16' }] }),
          point({ country: 'gt' }),
        ],
      },
      BASE,
    );
    expect(feed.hubs).to.have.length(1);
    expect(warn.callCount).to.equal(4);
  });
});
