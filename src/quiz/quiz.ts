import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { Feed, Question, Quiz, QuizImage } from '../feed/schema.js';
import { safeUrl } from '../feed/text.js';
import { emit } from '../shared/events.js';
import { ListenController, listenStyles } from '../shared/listen.js';
import { linkTarget } from '../shared/links.js';
import { MiElement, type ViewContext } from '../shared/mi-element.js';
import { headingLevel } from '../shared/numbers.js';
import {
  answerOf,
  attemptOrder,
  drawCount,
  freshProgress,
  restoreProgress,
  saveProgress,
  score,
  selectQuiz,
  type Answer,
  type QuizProgress,
} from './progress.js';
import { quizStyles } from './quiz.styles.js';

/** What the live region says next, kept as data so it is worded in the widget's language. */
type Announcement =
  | { kind: 'progress'; index: number; total: number }
  | { kind: 'verdict'; given: Answer; correct: boolean }
  | { kind: 'result'; score: number; total: number }
  | { kind: 'copied' }
  | { kind: 'none' };

/**
 * A myth-or-fact quiz: one statement at a time (with a picture, when the feed has one),
 * immediate feedback — the visitor's answer, whether it was right, the explanation and a source
 * — and a result with the feed's message for the score (and a call to action: find a hub, call
 * a hotline), and a review of every statement with its explanation. Progress survives a reload
 * within the session; nothing about the visitor leaves the browser.
 *
 * @summary The myth-buster quiz: "myth" or "fact", and why.
 * @title Myth or fact quiz
 *
 * @fires mi-quiz-start - The visitor started an attempt. `detail: { quizId }`.
 * @fires mi-quiz-answer - The visitor answered a statement. `detail: { quizId, questionId, answer, correct }`.
 * @fires mi-quiz-complete - The visitor reached the result. `detail: { quizId, score, total }`.
 *
 * @csspart title - The quiz title.
 * @csspart intro - The start screen's introduction.
 * @csspart sample - The "Sample content" label of sample quizzes.
 * @csspart start-button - The Start button.
 * @csspart progress - The "Statement 2 of 5" line and its bar.
 * @csspart statement - The statement on screen.
 * @csspart listen-button - The button that plays the recording of a statement or an explanation, or reads it aloud.
 * @csspart image - The picture of a statement or of an explanation.
 * @csspart answer-button - The Myth and Fact buttons.
 * @csspart feedback - The verdict, explanation and source after an answer.
 * @csspart verdict - "Your answer: Myth · Incorrect".
 * @csspart source - The source link of an explanation.
 * @csspart next-button - The Next / See result button.
 * @csspart result - The result screen.
 * @csspart score - The score ("4 of 5").
 * @csspart message - The result's message for the score.
 * @csspart cta - The result's call to action (a link), when the feed gives one.
 * @csspart review - The review of every statement.
 * @csspart why - The collapsible explanation of a statement in the review.
 * @csspart restart-button - The Try again button.
 * @csspart share - The share buttons and links.
 * @csspart empty - The line shown when there is no quiz.
 *
 * @cssprop [--mi-color-success=#1b6b3a] - Right answers.
 * @cssprop [--mi-quiz-intro-lines=4] - Lines of the start screen's intro shown before it is cut.
 * @cssprop [--mi-quiz-height] - Height of the quiz's box in every state (a longer screen grows it); by default the start screen's, computed from the font size, `--mi-space` and the intro's lines. Set it in the page's reserve stylesheet too.
 */
export class MiQuiz extends MiElement<Quiz> {
  static override styles = [...MiElement.styles, listenStyles, quizStyles];
  /** @internal */
  static override numbers = {
    ...MiElement.numbers,
    headingLevel: headingLevel(2),
    draw: { attribute: 'draw', fallback: 0, min: 0, max: 100_000, integer: true },
  };

  protected readonly feedSection = 'quizzes';
  /** The quiz and attempt the progress belongs to; a new one restores or starts afresh. */
  private progressFor = '';
  private focusNext = '';
  private readonly listen = new ListenController(this, {
    preferences: () => this.locale.preferences,
    ui: () => this.locale.ui,
  });

  @state() private progress?: QuizProgress;
  @state() private announcement: Announcement = { kind: 'none' };

  /** Id of the quiz to show; by default the first quiz available in the visitor's language. */
  @property() quiz = '';

  /** Ask the statements in a new random order on each attempt. */
  @property({ type: Boolean }) shuffle = false;

  /** Ask this many statements on each attempt, drawn at random from the quiz's; all of them when the quiz has no more, or with `0` (the default). */
  @property({ type: Number }) draw = 0;

  /** Heading level (2–6) of the quiz title, to fit the outline of the host page. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const current = this.feed.current;
    if (current.state !== 'ready') return;
    const { view: quiz, result } = current;
    const key = `${result.url}#${quiz.id}#${quiz.questions.map((q) => q.id).join(',')}`;
    if (key !== this.progressFor) {
      this.progressFor = key;
      this.progress = restoreProgress(result.url, quiz) ?? freshProgress(quiz, this.draw);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusNext) {
      this.renderRoot.querySelector<HTMLElement>(this.focusNext)?.focus();
      this.focusNext = '';
    }
  }

  private handleStart(quiz: Quiz): void {
    const order = attemptOrder(quiz, { draw: this.draw, shuffle: this.shuffle });
    this.go(quiz, { screen: 'question', order, index: 0, answers: {} });
    this.focusNext = '.statement';
    this.announcement = { kind: 'progress', index: 0, total: order.length };
    emit(this, 'mi-quiz-start', { quizId: quiz.id });
  }

  private handleAnswer(quiz: Quiz, question: Question, answer: Answer): void {
    const progress = this.progress;
    if (!progress) return;
    this.go(quiz, { ...progress, answers: { ...progress.answers, [question.id]: answer } });
    // The live region says the verdict; focus goes to why, which does not repeat it.
    this.focusNext = '.why';
    const correct = answer === question.answer;
    this.announcement = { kind: 'verdict', given: answer, correct };
    emit(this, 'mi-quiz-answer', { quizId: quiz.id, questionId: question.id, answer, correct });
  }

  private handleNext(quiz: Quiz): void {
    const progress = this.progress;
    if (!progress) return;
    const total = progress.order.length;
    if (progress.index + 1 < total) {
      this.go(quiz, { ...progress, index: progress.index + 1 });
      this.focusNext = '.statement';
      this.announcement = { kind: 'progress', index: progress.index + 1, total };
      return;
    }
    this.go(quiz, { ...progress, screen: 'result' });
    this.focusNext = '.result-title';
    const points = score(quiz, progress);
    this.announcement = { kind: 'result', score: points, total };
    emit(this, 'mi-quiz-complete', { quizId: quiz.id, score: points, total });
  }

  private async handleShare(text: string, url: string): Promise<void> {
    try {
      await navigator.share({ text, url });
    } catch {
      // The visitor closed the share sheet: nothing to do.
    }
  }

  private async handleCopy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.announcement = { kind: 'copied' };
    } catch {
      // Clipboard refused (permissions): the link stays on screen to copy by hand.
    }
  }

  private go(quiz: Quiz, progress: QuizProgress): void {
    this.progress = progress;
    const url = this.feed.result?.url;
    if (url) saveProgress(url, quiz, progress);
  }

  protected view(feed: Feed, { preferences }: ViewContext): Quiz | undefined {
    return selectQuiz(feed, preferences, this.quiz);
  }

  override render(): TemplateResult {
    return this.renderFrame(
      msg('Myth or fact quiz', { id: 'quiz.label' }),
      html`${this.renderState()} ${this.renderAnnouncement()}`,
    );
  }

  protected renderReady(quiz: Quiz): TemplateResult {
    const progress = this.progress ?? freshProgress(quiz);
    switch (progress.screen) {
      case 'question':
        return this.renderQuestion(quiz, progress);
      case 'result':
        return this.renderResult(quiz, progress);
      default:
        return this.renderStart(quiz);
    }
  }

  protected renderEmpty(): TemplateResult {
    return html`<p part="empty" class="empty">
      ${msg('There is no quiz to take right now.', { id: 'quiz.empty' })}
    </p>`;
  }

  private renderHeading(
    text: string,
    className: string,
    part: string,
    lang?: string,
  ): TemplateResult {
    const level = this.headingLevel;
    return html`<div
      part=${part}
      class=${className}
      role="heading"
      aria-level=${level}
      tabindex="-1"
      lang=${ifDefined(lang)}
    >
      ${text}
    </div>`;
  }

  private renderStart(quiz: Quiz): TemplateResult {
    const count = drawCount(quiz, this.draw);
    const title = this.localized(quiz.title);
    const intro = this.localized(quiz.intro);
    return html`
      ${this.renderHeading(
        title.text || msg('Myth or fact quiz', { id: 'quiz.label' }),
        'title',
        'title',
        title.lang,
      )}
      ${
        quiz.sample
          ? html`<p part="sample" class="sample">
              ${msg('Sample content', { id: 'quiz.sample' })}
            </p>`
          : nothing
      }
      ${
        intro.text
          ? html`<p part="intro" class="intro" lang=${ifDefined(intro.lang)}>${intro.text}</p>`
          : nothing
      }
      <p class="count">${msg(str`Number of statements: ${count}`, { id: 'quiz.count' })}</p>
      <button part="start-button" class="start" @click=${() => this.handleStart(quiz)}>
        ${msg('Start', { id: 'quiz.start' })}
      </button>
    `;
  }

  private renderProgress(index: number, total: number): TemplateResult {
    return html`<div part="progress" class="progress">
      <p id="progress-label">
        ${msg(str`Statement ${index + 1} of ${total}`, { id: 'quiz.progress' })}
      </p>
      <progress max=${total} value=${index + 1} aria-labelledby="progress-label"></progress>
    </div>`;
  }

  private renderQuestion(quiz: Quiz, progress: QuizProgress): TemplateResult {
    const question = quiz.questions.find((q) => q.id === progress.order[progress.index]);
    if (!question) return this.renderStart(quiz); // progress is restored only for these questions
    const given = answerOf(progress.answers, question.id);
    const statement = this.localized(question.statement);
    const title = this.localized(quiz.title);
    return html`
      ${this.renderHeading(title.text || msg('Myth or fact quiz', { id: 'quiz.label' }), 'title on-question', 'title', title.lang)}
      ${this.renderProgress(progress.index, progress.order.length)}
      <p part="statement" class="statement" tabindex="-1" lang=${ifDefined(statement.lang)}>
        ${statement.text}
      </p>
      ${this.listen.render(question.id, [question.statement], question.audio, this.textLang(quiz))}
      ${this.renderImage(question.image, 'statement-image')}
      ${
        given === undefined
          ? this.renderAnswerButtons(quiz, question)
          : this.renderFeedback(quiz, question, given, progress.index + 1 === progress.order.length)
      }
    `;
  }

  /** The language of the quiz's plain (not per-language) texts: its one language, else the feed's. */
  private textLang(quiz: Quiz): string | undefined {
    return quiz.languages?.length === 1 ? quiz.languages[0] : this.feed.result?.feed.language;
  }

  /** A picture of the feed, with its alt text (the reader keeps none without). */
  private renderImage(image: QuizImage | undefined, className: string): unknown {
    const url = safeUrl(image?.url);
    if (!image || !url) return nothing;
    return html`<img
      part="image"
      class="image ${className}"
      src=${url}
      alt=${this.text(image.alt)}
      decoding="async"
    />`;
  }

  private renderAnswerButtons(quiz: Quiz, question: Question): TemplateResult {
    return html`<div
      class="answers"
      role="group"
      aria-label=${msg('Your answer', { id: 'quiz.your-answer-label' })}
    >
      <button
        part="answer-button"
        class="answer"
        @click=${() => this.handleAnswer(quiz, question, 'myth')}
      >
        ${msg('Myth', { id: 'quiz.myth' })}
      </button>
      <button
        part="answer-button"
        class="answer"
        @click=${() => this.handleAnswer(quiz, question, 'fact')}
      >
        ${msg('Fact', { id: 'quiz.fact' })}
      </button>
    </div>`;
  }

  private answerName(answer: Answer): string {
    return answer === 'myth' ? msg('Myth', { id: 'quiz.myth' }) : msg('Fact', { id: 'quiz.fact' });
  }

  /** "Your answer: Myth · Incorrect": what the visitor said, and whether it was right. */
  private verdictText(given: Answer | undefined, correct: boolean): string {
    const answer = given ? this.answerName(given) : '—';
    const verdict = correct
      ? msg('Correct', { id: 'quiz.correct' })
      : msg('Incorrect', { id: 'quiz.wrong' });
    return msg(str`Your answer: ${answer} · ${verdict}`, { id: 'quiz.verdict' });
  }

  private truthText(answer: Answer): string {
    return answer === 'myth'
      ? msg('This statement is a myth.', { id: 'quiz.is-myth' })
      : msg('This statement is a fact.', { id: 'quiz.is-fact' });
  }

  private renderVerdict(given: Answer | undefined, correct: boolean, part = ''): TemplateResult {
    return html`<p part=${ifDefined(part || undefined)} class="verdict">
      <span aria-hidden="true">${correct ? '✓' : '✗'}</span> ${this.verdictText(given, correct)}
    </p>`;
  }

  private renderFeedback(
    quiz: Quiz,
    question: Question,
    given: Answer,
    last: boolean,
  ): TemplateResult {
    const correct = given === question.answer;
    return html`<div part="feedback" class="feedback ${correct ? 'correct' : 'wrong'}">
      ${this.renderVerdict(given, correct, 'verdict')}
      <div class="why" tabindex="-1">
        <p class="truth">${this.truthText(question.answer)}</p>
        ${this.renderExplanation(quiz, question)}
      </div>
      <button part="next-button" class="next" @click=${() => this.handleNext(quiz)}>
        ${last ? msg('See result', { id: 'quiz.see-result' }) : msg('Next', { id: 'quiz.next' })}
      </button>
    </div>`;
  }

  /** The explanation, its picture and its source, as far as the feed gives them. */
  private renderExplanation(quiz: Quiz, question: Question): TemplateResult {
    const explanation = this.localized(question.explanation);
    return html`${
      question.explanation
        ? html`<p class="explanation" lang=${ifDefined(explanation.lang)}>${explanation.text}</p>
            ${this.listen.render(
              `${question.id} explanation`,
              [question.explanation],
              question.explanation_audio,
              this.textLang(quiz),
            )}`
        : nothing
    }
    ${this.renderImage(question.explanation_image, 'explanation-image')}
    ${this.renderSource(question)}`;
  }

  private renderSource(question: Question): unknown {
    const url = safeUrl(question.source?.url);
    if (!question.source || !url) return nothing;
    const title = this.localized(question.source.title);
    return html`<p class="source">
      ${msg('Source:', { id: 'quiz.source' })}
      <a part="source" href=${url} rel="noopener noreferrer" target="_blank"
        ><span lang=${ifDefined(title.lang)}>${title.text}</span
        ><span class="visually-hidden">
          ${msg('(opens in a new tab)', { id: 'common.new-tab' })}</span
        ></a
      >
    </p>`;
  }

  /**
   * The message for a score: the feed's band with the highest `min` the score reaches (the
   * first of equal ones), else the widget's own.
   */
  private resultMessage(
    quiz: Quiz,
    points: number,
    total: number,
  ): { message: string; lang?: string; cta?: { label: string; url: string; lang?: string } } {
    const percent = total ? (points * 100) / total : 0;
    let band: NonNullable<Quiz['results']>[number] | undefined;
    for (const b of quiz.results ?? []) {
      if (b.min <= percent && (!band || b.min > band.min)) band = b;
    }
    const message = band && this.localized(band.message);
    if (band && message?.text) {
      const url = safeUrl(band.cta?.url);
      const label = this.localized(band.cta?.label);
      return {
        message: message.text,
        lang: message.lang,
        ...(url && label.text ? { cta: { label: label.text, url, lang: label.lang } } : {}),
      };
    }
    return { message: this.defaultMessage(total ? points / total : 0) };
  }

  private defaultMessage(ratio: number): string {
    if (ratio === 1)
      return msg('Excellent! You can tell myths from facts.', { id: 'quiz.result-all' });
    if (ratio >= 0.7)
      return msg('Well done! The review below shows the ones you missed.', {
        id: 'quiz.result-most',
      });
    if (ratio >= 0.4)
      return msg('A good start. The review below shows where myths misled you.', {
        id: 'quiz.result-some',
      });
    return msg(
      'Myths can sound convincing — that is why they spread. The review below shows the right answers.',
      { id: 'quiz.result-few' },
    );
  }

  private renderResult(quiz: Quiz, progress: QuizProgress): TemplateResult {
    const points = score(quiz, progress);
    const total = progress.order.length;
    const { message, lang, cta } = this.resultMessage(quiz, points, total);
    return html`<div part="result" class="result">
      ${this.renderHeading(msg('Your result', { id: 'quiz.result-title' }), 'result-title', 'title')}
      <p part="score" class="score">${msg(str`${points} of ${total}`, { id: 'quiz.score' })}</p>
      <p part="message" class="message" lang=${ifDefined(lang)}>${message}</p>
      ${
        cta
          ? html`<p class="cta-line">
              <a
                part="cta"
                class="cta"
                href=${cta.url}
                target=${ifDefined(linkTarget())}
                rel="noopener"
                lang=${ifDefined(cta.lang)}
                >${cta.label}</a
              >
            </p>`
          : nothing
      }
      ${this.renderReview(quiz, progress)}
      <div class="actions">
        <button part="restart-button" @click=${() => this.handleStart(quiz)}>
          ${msg('Try again', { id: 'quiz.restart' })}
        </button>
        ${this.renderShare()}
      </div>
    </div>`;
  }

  /**
   * Every statement of the attempt with the visitor's answer, the right one, and — collapsible,
   * open for the ones she missed — why, with its source.
   */
  private renderReview(quiz: Quiz, progress: QuizProgress): TemplateResult {
    return html`<ol
      part="review"
      class="review"
      aria-label=${msg('Your answers', { id: 'quiz.review-label' })}
    >
      ${progress.order.map((id) => {
        const question = quiz.questions.find((q) => q.id === id);
        if (!question) return nothing;
        const given = answerOf(progress.answers, id);
        const correct = given === question.answer;
        const why =
          question.explanation || question.explanation_image || safeUrl(question.source?.url);
        const statement = this.localized(question.statement);
        return html`<li class=${correct ? 'correct' : 'wrong'}>
          <p class="statement-review" lang=${ifDefined(statement.lang)}>${statement.text}</p>
          ${this.renderVerdict(given, correct)}
          <p class="right-answer">
            ${msg(str`Correct answer: ${this.answerName(question.answer)}`, { id: 'quiz.review-correct' })}
          </p>
          ${
            why
              ? html`<details part="why" class="why-review" ?open=${!correct}>
                  <summary>${msg('Why?', { id: 'quiz.why' })}</summary>
                  ${this.renderExplanation(quiz, question)}
                </details>`
              : nothing
          }
        </li>`;
      })}
    </ol>`;
  }

  private renderShare(): unknown {
    const url = safeUrl(location.href);
    if (!url) return nothing;
    const text = msg('Myth or fact? Test what you know about migration.', {
      id: 'quiz.share-text',
    });
    if (typeof navigator.share === 'function') {
      return html`<button
        part="share"
        class="secondary"
        @click=${() => this.handleShare(text, url)}
      >
        ${msg('Share', { id: 'quiz.share' })}
      </button>`;
    }
    return html`
      <button part="share" class="secondary copy" @click=${() => this.handleCopy(url)}>
        ${msg('Copy link', { id: 'quiz.copy-link' })}
      </button>
      <a
        part="share"
        class="whatsapp"
        href=${`https://wa.me/?text=${encodeURIComponent(`${text} ${url}`)}`}
        rel="noopener noreferrer"
        target="_blank"
      >
        ${msg('Share on WhatsApp', { id: 'quiz.whatsapp' })}
      </a>
    `;
  }

  private renderAnnouncement(): TemplateResult {
    const a = this.announcement;
    let text = '';
    if (a.kind === 'progress')
      text = msg(str`Statement ${a.index + 1} of ${a.total}`, { id: 'quiz.progress' });
    if (a.kind === 'verdict') text = this.verdictText(a.given, a.correct);
    if (a.kind === 'result')
      text = msg(str`Your result: ${a.score} of ${a.total}`, { id: 'quiz.result-announce' });
    if (a.kind === 'copied') text = msg('Link copied.', { id: 'quiz.copied' });
    return html`<div class="visually-hidden" role="status" aria-live="polite">${text}</div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mi-quiz-start': CustomEvent<{ quizId: string }>;
    'mi-quiz-answer': CustomEvent<{
      quizId: string;
      questionId: string;
      answer: Answer;
      correct: boolean;
    }>;
    'mi-quiz-complete': CustomEvent<{ quizId: string; score: number; total: number }>;
  }
}
