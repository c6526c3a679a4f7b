// Written by scripts/framework-types.js from custom-elements.json (npm run analyze): do not edit.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { MiQuiz as MiQuizElement } from '../quiz/mi-quiz.js';

/**
 * `<mi-quiz>` as a React component (React 18 or 19): The myth-buster quiz: "myth" or "fact", and why. Props are the element's
 * properties, by their camelCase names (`headingLevel={2}`); events are props:
 * `onMiQuizStart`, `onMiQuizAnswer`, `onMiQuizComplete`.
 * Importing this module registers the tag.
 */
export const MiQuiz = createComponent({
  react: React,
  tagName: 'mi-quiz',
  elementClass: MiQuizElement,
  displayName: 'MiQuiz',
  events: {
    /** The visitor started an attempt. `detail: { quizId }`. */
    onMiQuizStart: 'mi-quiz-start' as EventName<GlobalEventHandlersEventMap['mi-quiz-start']>,
    /** The visitor answered a statement. `detail: { quizId, questionId, answer, correct }`. */
    onMiQuizAnswer: 'mi-quiz-answer' as EventName<GlobalEventHandlersEventMap['mi-quiz-answer']>,
    /** The visitor reached the result. `detail: { quizId, score, total }`. */
    onMiQuizComplete: 'mi-quiz-complete' as EventName<
      GlobalEventHandlersEventMap['mi-quiz-complete']
    >,
  },
});
