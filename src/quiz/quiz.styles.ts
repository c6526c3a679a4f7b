import { css, unsafeCSS } from 'lit';
import { cssOf, quizHeight } from '../shared/styles.js';

/**
 * The box is as tall as the start screen at its tallest (title and intro clamped) in every
 * state, from before the feed arrives; the statements and the result grow it once the visitor
 * plays.
 */
export const quizStyles = css`
  .base {
    min-height: ${unsafeCSS(cssOf(quizHeight))};
  }
  .title,
  .result-title {
    margin: 0 0 0.5em;
    font-size: 1.375em;
    font-weight: 700;
    line-height: 1.25;
  }
  .title,
  .intro {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .intro {
    -webkit-line-clamp: var(--mi-quiz-intro-lines, 4);
  }
  /* Above a statement the title names the quiz; the statement is what to read. */
  .title.on-question {
    font-size: 1.0625em;
  }
  .start {
    display: block;
  }
  .title:focus,
  .result-title:focus,
  .statement:focus,
  .why:focus {
    outline: none;
  }
  .title:focus-visible,
  .result-title:focus-visible,
  .statement:focus-visible,
  .why:focus-visible {
    outline: 3px solid var(--mi-focus-ring, var(--_primary));
    outline-offset: 2px;
  }
  p {
    margin: 0 0 0.75em;
  }
  .sample {
    display: block;
    width: fit-content;
    max-width: 100%;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    padding: 0.1em 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .count {
    color: var(--_muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .progress p {
    margin: 0 0 0.25em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  progress {
    display: block;
    width: 100%;
    height: 8px;
    margin-bottom: var(--_space);
    border: 0;
    border-radius: 4px;
    background: var(--_skeleton);
    color: var(--_primary);
    appearance: none;
  }
  progress::-webkit-progress-bar {
    background: var(--_skeleton);
    border-radius: 4px;
  }
  progress::-webkit-progress-value {
    background: var(--_primary);
    border-radius: 4px;
  }
  progress::-moz-progress-bar {
    background: var(--_primary);
    border-radius: 4px;
  }
  .statement {
    font-size: 1.25em;
    font-weight: 600;
    line-height: 1.4;
  }
  /* A statement's or an explanation's Listen button, under it. */
  .listen {
    margin-bottom: 0.75em;
  }
  .answers,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  .answer {
    flex: 1 1 8em;
  }
  .feedback {
    padding: 0.75em var(--_space);
    border-inline-start: 6px solid var(--_error);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .feedback.correct {
    border-inline-start-color: var(--_success);
  }
  .verdict {
    font-weight: 700;
    font-size: 1.125em;
  }
  .feedback.correct .verdict,
  .review .correct .verdict span {
    color: var(--_success);
  }
  .feedback.wrong .verdict,
  .review .wrong .verdict span {
    color: var(--_error);
  }
  .truth {
    font-weight: 600;
  }
  .score {
    font-size: 2em;
    font-weight: 700;
    line-height: 1.2;
  }
  .review {
    margin: 0 0 var(--_space);
    padding-inline-start: 1.5em;
  }
  .review li {
    padding: 0.5em 0;
    border-bottom: 1px solid var(--_border);
  }
  .review p {
    margin: 0 0 0.25em;
  }
  .statement-review {
    font-weight: 600;
  }
  .image {
    display: block;
    max-width: 100%;
    max-height: 14em;
    height: auto;
    margin: 0 0 0.75em;
    border-radius: var(--_radius);
    object-fit: contain;
  }
  .statement-image {
    margin-bottom: var(--_space);
  }
  .cta {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    max-width: 100%;
    padding: 0.6em 1.2em;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 700;
    text-decoration: none;
    overflow-wrap: anywhere;
  }
  .cta:hover {
    text-decoration: underline;
  }
  .right-answer {
    color: var(--_muted);
  }
  .review .verdict {
    font-size: 1em;
  }
  .why-review {
    margin: 0.25em 0 0;
  }
  .why-review summary {
    min-height: 44px;
    display: flex;
    align-items: center;
    width: fit-content;
    color: var(--_primary);
    font-weight: 600;
    cursor: pointer;
    list-style: none;
  }
  .why-review summary::before {
    content: '▸';
    margin-inline-end: 0.4em;
  }
  .why-review[open] summary::before {
    content: '▾';
  }
  .why-review summary::-webkit-details-marker {
    display: none;
  }
  .why-review summary:focus-visible {
    outline: 3px solid var(--mi-focus-ring, var(--_primary));
    outline-offset: 2px;
  }
  .whatsapp {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 0.5em;
  }
`;
