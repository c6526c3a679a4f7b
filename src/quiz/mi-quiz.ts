import { MiQuiz } from './quiz.js';

export { MiQuiz };

if (!customElements.get('mi-quiz')) customElements.define('mi-quiz', MiQuiz);

declare global {
  interface HTMLElementTagNameMap {
    'mi-quiz': MiQuiz;
  }
}
