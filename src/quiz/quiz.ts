import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { Feed, Question, Quiz } from '../feed/schema.js';
import { safeUrl } from '../feed/text.js';
import { emit } from '../shared/events.js';
import { MiElement, type ViewContext } from '../shared/mi-element.js';
import { headingLevel } from '../shared/numbers.js';
import {
  answerOf,
  freshProgress,
  restoreProgress,
  saveProgress,
  score,
  selectQuiz,
  shuffled,
  type Answer,
  type QuizProgress,
} from './progress.js';
import { quizStyles } from './quiz.styles.js';

/** What the live region says next, kept as data so it is worded in the widget's language. */
type Announcement =
  | { kind: 'progress'; index: number; total: number }
  | { kind: 'verdict'; correct: boolean; answer: Answer }
  | { kind: 'result'; score: number; total: number }
  | { kind: 'copied' }
  | { kind: 'none' };

/**
 * A myth-or-fact quiz: one statement at a time, immediate feedback with the explanation and a
 * source, and a result with a review of every answer. Progress survives a reload within the
 * session; nothing about the visitor leaves the browser.
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
 * @csspart answer-button - The Myth and Fact buttons.
 * @csspart feedback - The verdict, explanation and source after an answer.
 * @csspart source - The source link of an explanation.
 * @csspart next-button - The Next / See result button.
 * @csspart result - The result screen.
 * @csspart score - The score ("4 of 5").
 * @csspart review - The review of every statement.
 * @csspart restart-button - The Try again button.
 * @csspart share - The share buttons and links.
 * @csspart empty - The line shown when there is no quiz.
 *
 * @cssprop [--mi-color-success=#1b6b3a] - Right answers.
 * @cssprop [--mi-quiz-intro-lines=4] - Lines of the start screen's intro shown before it is cut.
 * @cssprop [--mi-quiz-height] - Height of the quiz's box in every state (a longer screen grows it); by default the start screen's, computed from the font size, `--mi-space` and the intro's lines. Set it in the page's reserve stylesheet too.
 */
export class MiQuiz extends MiElement<Quiz> {
  static override styles = [...MiElement.styles, quizStyles];
  /** @internal */
  static override numbers = { ...MiElement.numbers, headingLevel: headingLevel(2) };

  protected readonly feedSection = 'quizzes';
  /** The quiz and attempt the progress belongs to; a new one restores or starts afresh. */
  private progressFor = '';
  private focusNext = '';

  @state() private progress?: QuizProgress;
  @state() private announcement: Announcement = { kind: 'none' };

  /** Id of the quiz to show; by default the first quiz available in the visitor's language. */
  @property() quiz = '';

  /** Ask the statements in a new random order on each attempt. */
  @property({ type: Boolean }) shuffle = false;

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
      this.progress = restoreProgress(result.url, quiz) ?? freshProgress(quiz);
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
    const ids = quiz.questions.map((q) => q.id);
    this.go(quiz, {
      screen: 'question',
      order: this.shuffle ? shuffled(ids) : ids,
      index: 0,
      answers: {},
    });
    this.focusNext = '.statement';
    this.announcement = { kind: 'progress', index: 0, total: ids.length };
    emit(this, 'mi-quiz-start', { quizId: quiz.id });
  }

  private handleAnswer(quiz: Quiz, question: Question, answer: Answer): void {
    const progress = this.progress;
    if (!progress) return;
    this.go(quiz, { ...progress, answers: { ...progress.answers, [question.id]: answer } });
    this.focusNext = '.feedback';
    const correct = answer === question.answer;
    this.announcement = { kind: 'verdict', correct, answer: question.answer };
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
    const points = score(quiz, progress.answers);
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
    const count = quiz.questions.length;
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
    return html`
      ${this.renderProgress(progress.index, progress.order.length)}
      <p part="statement" class="statement" tabindex="-1" lang=${ifDefined(statement.lang)}>
        ${statement.text}
      </p>
      ${
        given === undefined
          ? this.renderAnswerButtons(quiz, question)
          : this.renderFeedback(quiz, question, given, progress.index + 1 === progress.order.length)
      }
    `;
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

  private verdictText(correct: boolean): string {
    return correct
      ? msg('Correct!', { id: 'quiz.correct' })
      : msg('Not quite.', { id: 'quiz.wrong' });
  }

  private truthText(answer: Answer): string {
    return answer === 'myth'
      ? msg('This statement is a myth.', { id: 'quiz.is-myth' })
      : msg('This statement is a fact.', { id: 'quiz.is-fact' });
  }

  private renderFeedback(
    quiz: Quiz,
    question: Question,
    given: Answer,
    last: boolean,
  ): TemplateResult {
    const correct = given === question.answer;
    const explanation = this.localized(question.explanation);
    return html`<div
      part="feedback"
      class="feedback ${correct ? 'correct' : 'wrong'}"
      tabindex="-1"
    >
      <p class="verdict">
        <span aria-hidden="true">${correct ? '✓' : '✗'}</span> ${this.verdictText(correct)}
      </p>
      <p class="truth">${this.truthText(question.answer)}</p>
      ${
        explanation.text
          ? html`<p class="explanation" lang=${ifDefined(explanation.lang)}>${explanation.text}</p>`
          : nothing
      }
      ${this.renderSource(question)}
      <button part="next-button" class="next" @click=${() => this.handleNext(quiz)}>
        ${last ? msg('See result', { id: 'quiz.see-result' }) : msg('Next', { id: 'quiz.next' })}
      </button>
    </div>`;
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

  private resultMessage(points: number, total: number): string {
    const ratio = points / total;
    if (ratio === 1)
      return msg('Excellent! You can tell myths from facts.', { id: 'quiz.result-all' });
    if (ratio >= 0.7)
      return msg('Well done! Check the explanations of the ones you missed.', {
        id: 'quiz.result-most',
      });
    if (ratio >= 0.4)
      return msg('A good start. The explanations below show where myths mislead.', {
        id: 'quiz.result-some',
      });
    return msg(
      'Myths can sound convincing — that is why they spread. Read the explanations below.',
      {
        id: 'quiz.result-few',
      },
    );
  }

  private renderResult(quiz: Quiz, progress: QuizProgress): TemplateResult {
    const points = score(quiz, progress.answers);
    const total = progress.order.length;
    return html`<div part="result" class="result">
      ${this.renderHeading(msg('Your result', { id: 'quiz.result-title' }), 'result-title', 'title')}
      <p part="score" class="score">${msg(str`${points} of ${total}`, { id: 'quiz.score' })}</p>
      <p class="message">${this.resultMessage(points, total)}</p>
      ${this.renderReview(quiz, progress)}
      <div class="actions">
        <button part="restart-button" @click=${() => this.handleStart(quiz)}>
          ${msg('Try again', { id: 'quiz.restart' })}
        </button>
        ${this.renderShare()}
      </div>
    </div>`;
  }

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
        const statement = this.localized(question.statement);
        return html`<li class=${correct ? 'correct' : 'wrong'}>
          <p class="statement-review" lang=${ifDefined(statement.lang)}>${statement.text}</p>
          <p>
            <span aria-hidden="true">${correct ? '✓' : '✗'}</span>
            ${msg(str`Your answer: ${given ? this.answerName(given) : '—'}`, { id: 'quiz.review-given' })}
            ·
            ${msg(str`Correct answer: ${this.answerName(question.answer)}`, { id: 'quiz.review-correct' })}
          </p>
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
    if (a.kind === 'verdict') text = `${this.verdictText(a.correct)} ${this.truthText(a.answer)}`;
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
