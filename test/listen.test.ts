import { expect, fixture as render, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/news-feed/mi-news-feed.js';
import '../src/quiz/mi-quiz.js';
import '../src/campaign-banner/mi-campaign-banner.js';
import type { MiNewsFeed } from '../src/news-feed/news-feed.js';
import type { MiQuiz } from '../src/quiz/quiz.js';
import type { MiCampaignBanner } from '../src/campaign-banner/campaign-banner.js';
import { languageOf, pickRecording, voiceFor } from '../src/shared/listen.js';
import { $, $$, fixture, resetFeeds, settled, text } from './helpers.js';

/** How many requests reached /__faults/count/<key>/… (see web-test-runner.config.js). */
async function counted(key: string): Promise<number> {
  return Number(await (await fetch(`/__faults/counted/${key}`)).text());
}

/** The Listen button of a news item (by its title), or undefined. */
function newsButton(el: MiNewsFeed, title: string): HTMLButtonElement | undefined {
  const item = $$(el, '[part="item"]').find(
    (i) => text(i.querySelector('[part="title"]')) === title,
  );
  return item?.querySelector<HTMLButtonElement>('[part="listen-button"]') ?? undefined;
}

/** Press a button as a visitor does: focus it and press Enter (a real key, a real gesture). */
async function press(button: HTMLElement): Promise<void> {
  button.focus();
  await sendKeys({ press: 'Enter' });
}

class FakeUtterance extends EventTarget {
  lang = '';
  voice: unknown = null;
  constructor(public text: string) {
    super();
  }
}

/**
 * The browser's speech synthesis replaced by one with voices for these languages (headless
 * Chromium has none): what it was asked to say, and how often it was cancelled.
 */
function stubSpeech(langs: string[]) {
  const said: FakeUtterance[] = [];
  const fake = Object.assign(new EventTarget(), {
    voices: langs.map((lang) => ({ lang, name: lang, voiceURI: lang, default: false })),
    getVoices(): unknown[] {
      return this.voices;
    },
    speak: sinon.spy((u: FakeUtterance) => said.push(u)),
    cancel: sinon.spy(() => {
      const last = said.at(-1);
      last?.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
    }),
  });
  const saved = {
    synthesis: Object.getOwnPropertyDescriptor(window, 'speechSynthesis')!,
    utterance: Object.getOwnPropertyDescriptor(window, 'SpeechSynthesisUtterance')!,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: FakeUtterance,
    configurable: true,
    writable: true,
  });
  return {
    fake,
    said,
    restore() {
      Object.defineProperty(window, 'speechSynthesis', saved.synthesis);
      Object.defineProperty(window, 'SpeechSynthesisUtterance', saved.utterance);
    },
  };
}

describe('Listen: recordings and speech', () => {
  let speech: ReturnType<typeof stubSpeech> | undefined;
  beforeEach(() => {
    resetFeeds();
    document.documentElement.lang = 'en';
  });
  afterEach(() => {
    speech?.restore();
    speech = undefined;
    document.documentElement.lang = 'en';
  });

  describe('choosing what to play', () => {
    const attachments = (...list: [string, string?][]) =>
      list.map(([url, lang]) => ({
        url,
        mime_type: url.endsWith('.pdf') ? 'application/pdf' : 'audio/mpeg',
        ...(lang ? { _language: lang } : {}),
      }));

    it('the recording in the language chosen as for text; none in a language the visitor does not read, unless the text shown is in it', () => {
      const kek = ['kek', 'es-gt', 'es', 'en'];
      const es = ['es', 'en'];
      const audio = { es: 'https://a.example/es.mp3', kek: 'https://a.example/kek.mp3' };
      expect(pickRecording(audio, kek, 'kek')).to.equal('https://a.example/kek.mp3');
      expect(pickRecording(audio, es, 'es')).to.equal('https://a.example/es.mp3');
      // The text shows in Q'eqchi' (all there is); its recording plays for a reader of English.
      expect(pickRecording({ kek: audio.kek }, ['en'], 'kek')).to.equal(audio.kek);
      expect(pickRecording({ kek: audio.kek }, ['en'], 'es')).to.be.undefined;
      // One URL: the recording of the text shown.
      expect(pickRecording('https://a.example/x.mp3', es, undefined)).to.equal(
        'https://a.example/x.mp3',
      );
      // News attachments: audio only, in the item's language or their own.
      expect(pickRecording(attachments(['https://a.example/doc.pdf']), es, 'es', 'es')).to.be
        .undefined;
      expect(
        pickRecording(
          attachments(['https://a.example/es.mp3'], ['https://a.example/quc.mp3', 'quc']),
          ['quc', 'es', 'en'],
          'es',
          'es',
        ),
      ).to.equal('https://a.example/quc.mp3');
      // Only http(s) reaches src.
      expect(pickRecording({ es: 'javascript:alert(1)' }, es, 'es')).to.be.undefined;
    });

    it('the language of the text shown: the map key picked, else the entry’s; a voice of that language, its region first', () => {
      expect(languageOf({ es: 'Hola', en: 'Hi' }, ['en'])).to.equal('en');
      expect(languageOf({ kek: 'Xyaab’' }, ['es', 'en'], 'es')).to.equal('kek');
      expect(languageOf('Hola', ['en'], 'es')).to.equal('es');
      expect(languageOf('Hola', ['en'])).to.be.undefined;
      const voices = [{ lang: 'es-ES' }, { lang: 'es_MX' }, { lang: 'en-US' }] as never[];
      expect(voiceFor(voices, 'es-MX')).to.equal(voices[1]);
      expect(voiceFor(voices, 'es')).to.equal(voices[0]);
      expect(voiceFor(voices, 'kek')).to.be.undefined;
      expect(voiceFor(voices, undefined)).to.be.undefined;
      const online = { lang: 'es-ES', localService: false };
      const device = { lang: 'es-ES', localService: true };
      expect(voiceFor([online, device] as never[], 'es')).to.equal(device);
    });
  });

  describe('in the news feed', () => {
    it('a play button only beside an item with a recording (no voices): nothing fetched before the press, the recording after it', async () => {
      const before = await counted('news');
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed lang="es" src=${fixture('audio.json')}></mi-news-feed>`,
        ),
      );
      const button = newsButton(el, 'Con grabación')!;
      expect(button, 'the recorded item has a button').to.exist;
      expect(button.dataset.listen).to.equal('recording');
      expect(text(button)).to.equal('▶︎ Escuchar');
      expect(newsButton(el, 'Sin grabación'), 'no recording, no voice: no button').to.be.undefined;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await counted('news'), 'fetched before the press').to.equal(before);
      await expect(el).to.be.accessible();

      await press(button);
      await waitUntil(() => text(button) === '❚❚ Pausar', 'the button never said Pause');
      await waitUntil(
        async () => (await counted('news')) > before,
        'the recording was not fetched',
      );
      await expect(el).to.be.accessible();
      // A short tone: when it ends, the button is back to Listen.
      await waitUntil(() => text(button) === '▶︎ Escuchar', 'the button never reset', {
        timeout: 3000,
      });
    });

    it('pressing again pauses; a recording that cannot play says so, and its text stays', async () => {
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed lang="en" src=${fixture('audio.json')}></mi-news-feed>`,
        ),
      );
      const play = sinon.stub(HTMLMediaElement.prototype, 'play').resolves();
      const pause = sinon.spy(HTMLMediaElement.prototype, 'pause');
      try {
        const button = newsButton(el, 'Con grabación')!;
        await press(button);
        await el.updateComplete;
        expect(play.callCount).to.equal(1);
        expect((play.firstCall.thisValue as HTMLAudioElement).src).to.match(/tone\.wav$/);
        expect((play.firstCall.thisValue as HTMLAudioElement).preload).to.equal('none');
        expect(text(button)).to.equal('❚❚ Pause');
        await press(button);
        await el.updateComplete;
        expect(pause.callCount).to.equal(1);
        expect(text(button)).to.equal('▶︎ Listen');
      } finally {
        play.restore();
        pause.restore();
      }

      const broken = newsButton(el, 'Grabación rota')!;
      await press(broken);
      await waitUntil(() => text(broken) === '! Could not play', 'the failure was not shown');
      const status = broken.parentElement!.querySelector('[role="status"]');
      expect(text(status)).to.equal('Could not play');
      expect(
        $$(el, '[part="title"]').map((t) => text(t)),
        'the text stays',
      ).to.include('Grabación rota');
      await expect(el).to.be.accessible();
    });

    it('Listen reads an item aloud when the browser has a voice for its language, and is absent where it has none', async () => {
      speech = stubSpeech(['es-ES', 'en-US']);
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed lang="es" src=${fixture('audio.json')}></mi-news-feed>`,
        ),
      );
      const listen = newsButton(el, 'Sin grabación')!;
      expect(listen.dataset.listen).to.equal('speech');
      expect(newsButton(el, 'Li aatin sa’ q’eqchi’'), 'no voice for Q’eqchi’').to.be.undefined;
      expect(newsButton(el, 'Con grabación')!.dataset.listen).to.equal('recording');
      await expect(el).to.be.accessible();

      await press(listen);
      await el.updateComplete;
      expect(speech.said.map((u) => [u.text, u.lang])).to.deep.equal([
        ['Sin grabación\nSe lee con la voz del navegador.', 'es-ES'],
      ]);
      expect(text(listen)).to.equal('❚❚ Detener');
      await expect(el).to.be.accessible();
      // The speech ends: the button resets.
      speech.said[0].dispatchEvent(new Event('end'));
      await el.updateComplete;
      expect(text(listen)).to.equal('▶︎ Escuchar');
    });

    it('voices that arrive later (voiceschanged) bring the Listen buttons', async () => {
      speech = stubSpeech([]);
      const el = await settled(
        await render<MiNewsFeed>(
          html`<mi-news-feed lang="es" src=${fixture('audio.json')}></mi-news-feed>`,
        ),
      );
      expect(newsButton(el, 'Sin grabación')).to.be.undefined;
      speech.fake.voices = [{ lang: 'es-US', name: 'es', voiceURI: 'es', default: false }];
      speech.fake.dispatchEvent(new Event('voiceschanged'));
      await waitUntil(() => newsButton(el, 'Sin grabación'), 'the Listen button never came');
    });
  });

  describe('one at a time on the page', () => {
    it('a recording starting in one widget pauses the one playing in another, and cancels speech', async () => {
      speech = stubSpeech(['es-ES']);
      const play = sinon.stub(HTMLMediaElement.prototype, 'play').resolves();
      const pause = sinon.stub(HTMLMediaElement.prototype, 'pause');
      try {
        const src = fixture('audio.json');
        const page = await render<HTMLElement>(
          html`<div>
            <mi-news-feed lang="es" src=${src}></mi-news-feed>
            <mi-campaign-banner lang="es" src=${src}></mi-campaign-banner>
          </div>`,
        );
        const news = await settled(page.querySelector<MiNewsFeed>('mi-news-feed')!);
        const banner = await settled(page.querySelector<MiCampaignBanner>('mi-campaign-banner')!);
        const speak = newsButton(news, 'Sin grabación')!;
        const recorded = newsButton(news, 'Con grabación')!;
        const campaign = $<HTMLButtonElement>(banner, '[part="listen-button"]')!;
        expect(campaign.dataset.listen).to.equal('recording');

        await press(speak);
        await news.updateComplete;
        expect(speech.fake.speak.callCount).to.equal(1);
        const cancelled = speech.fake.cancel.callCount;

        // The news recording starts: the news' speech stops.
        await press(recorded);
        await news.updateComplete;
        expect(speech.fake.cancel.callCount).to.be.above(cancelled);
        expect(text(speak)).to.equal('▶︎ Escuchar');
        expect(text(recorded)).to.equal('❚❚ Pausar');
        const newsAudio = play.lastCall.thisValue as HTMLAudioElement;

        // The campaign's starts, in another widget: the news recording pauses.
        await press(campaign);
        await banner.updateComplete;
        await news.updateComplete;
        expect(pause.calledOn(newsAudio), 'the news recording was paused').to.equal(true);
        expect(text(recorded)).to.equal('▶︎ Escuchar');
        expect(text(campaign)).to.equal('❚❚ Pausar');
        expect((play.lastCall.thisValue as HTMLAudioElement).src).to.match(/count\/campaign\//);

        // And speech starting (in the news) pauses the campaign's recording.
        await press(speak);
        await news.updateComplete;
        await banner.updateComplete;
        expect(pause.callCount).to.equal(2);
        expect(text(campaign)).to.equal('▶︎ Escuchar');
        await expect(banner).to.be.accessible();
      } finally {
        play.restore();
        pause.restore();
      }
    });

    it('the page’s own media starting pauses a widget’s recording', async () => {
      const play = sinon.stub(HTMLMediaElement.prototype, 'play').resolves();
      const pause = sinon.stub(HTMLMediaElement.prototype, 'pause');
      try {
        const el = await settled(
          await render<MiNewsFeed>(
            html`<mi-news-feed lang="es" src=${fixture('audio.json')}></mi-news-feed>`,
          ),
        );
        const button = newsButton(el, 'Con grabación')!;
        await press(button);
        await el.updateComplete;
        const video = document.createElement('video');
        document.body.append(video);
        video.dispatchEvent(new Event('play'));
        video.remove();
        await el.updateComplete;
        expect(pause.calledOn(play.lastCall.thisValue)).to.equal(true);
        expect(text(button)).to.equal('▶︎ Escuchar');
      } finally {
        play.restore();
        pause.restore();
      }
    });
  });

  describe('in the quiz', () => {
    it('the statement’s recording in the visitor’s language, and the explanation’s after the answer', async () => {
      speech = stubSpeech(['es-ES']);
      const play = sinon.stub(HTMLMediaElement.prototype, 'play').resolves();
      try {
        const el = await settled(
          await render<MiQuiz>(html`<mi-quiz lang="kek" src=${fixture('audio.json')}></mi-quiz>`),
        );
        $<HTMLButtonElement>(el, '[part="start-button"]')!.click();
        await el.updateComplete;
        const statement = () => $<HTMLButtonElement>(el, '[part="listen-button"]')!;
        expect(text($(el, '[part="statement"]'))).to.equal('Eb’ laj coyote…');
        expect(statement().dataset.listen).to.equal('recording');
        expect(
          statement().closest('[lang]')!.getAttribute('lang'),
          'the button speaks the interface’s language',
        ).to.equal('es');
        await expect(el).to.be.accessible();
        await press(statement());
        await el.updateComplete;
        expect((play.lastCall.thisValue as HTMLAudioElement).src).to.match(/count\/quiz-kek\//);

        // Answered: the explanation has no recording, but a voice reads it; the statement's stays.
        $$<HTMLButtonElement>(el, '[part="answer-button"]')[0].click();
        await el.updateComplete;
        const buttons = $$<HTMLButtonElement>(el, '[part="listen-button"]');
        expect(buttons.map((b) => b.dataset.listen)).to.deep.equal(['recording', 'speech']);
        await expect(el).to.be.accessible();
        await press(buttons[1]);
        expect(speech.said.map((u) => u.text)).to.deep.equal([
          'Mienten sobre la ruta y los peligros.',
        ]);

        // Statement 2: plain text in the feed's language; its explanation has a recording.
        $<HTMLButtonElement>(el, '[part="next-button"]')!.click();
        await el.updateComplete;
        expect(statement().dataset.listen).to.equal('speech');
        $$<HTMLButtonElement>(el, '[part="answer-button"]')[1].click();
        await el.updateComplete;
        expect($$(el, '[part="listen-button"]').map((b) => b.dataset.listen)).to.deep.equal([
          'speech',
          'recording',
        ]);
      } finally {
        play.restore();
      }
    });

    it('with no voice and no recording there is no button', async () => {
      speech = stubSpeech([]);
      const el = await settled(
        await render<MiQuiz>(html`<mi-quiz lang="en" src=${fixture('audio.json')}></mi-quiz>`),
      );
      $<HTMLButtonElement>(el, '[part="start-button"]')!.click();
      await el.updateComplete;
      // English visitor: the statement shows in Spanish, whose recording plays.
      expect($$(el, '[part="listen-button"]').map((b) => b.dataset.listen)).to.deep.equal([
        'recording',
      ]);
      $$<HTMLButtonElement>(el, '[part="answer-button"]')[0].click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part="next-button"]')!.click();
      await el.updateComplete;
      expect($$(el, '[part="listen-button"]')).to.have.length(0);
    });
  });

  describe('elsewhere', () => {
    it('the banner: a play button beside the call to action, nothing fetched before the press', async () => {
      const before = await counted('campaign');
      const el = await settled(
        await render<MiCampaignBanner>(
          html`<mi-campaign-banner lang="es" src=${fixture('audio.json')}></mi-campaign-banner>`,
        ),
      );
      const button = $<HTMLButtonElement>(el, '[part="listen-button"]')!;
      expect(text(button)).to.equal('▶︎ Escuchar');
      await expect(el).to.be.accessible();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await counted('campaign')).to.equal(before);
      await press(button);
      await waitUntil(async () => (await counted('campaign')) > before, 'never fetched');
    });

    it('a widget taken off the page stops its recording', async () => {
      const play = sinon.stub(HTMLMediaElement.prototype, 'play').resolves();
      const pause = sinon.stub(HTMLMediaElement.prototype, 'pause');
      try {
        const el = await settled(
          await render<MiNewsFeed>(
            html`<mi-news-feed lang="es" src=${fixture('audio.json')}></mi-news-feed>`,
          ),
        );
        await press(newsButton(el, 'Con grabación')!);
        el.remove();
        expect(pause.calledOn(play.lastCall.thisValue)).to.equal(true);
      } finally {
        play.restore();
        pause.restore();
      }
    });
  });
});
