import { expect, waitUntil } from '@open-wc/testing';
import * as React from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { MiNewsFeed, MiQuiz } from '../src/react/index.js';
import { $, $$, fixture, reached } from './helpers.js';

/**
 * The widgets in React, as a partner's app renders them (React 19 here; React comes to the page
 * as modules through scripts/wtr-react.js): the @lit/react components of
 * `migration-info-widgets/react`, and the bare tags with React 19's own custom-element support,
 * with the prop names the generated JSX types give (`onmi-quiz-start`).
 */
describe('the widgets in React', () => {
  let container: HTMLElement;
  let root: Root;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    root.unmount();
    container.remove();
  });

  const render = (element: React.ReactNode) => flushSync(() => root.render(element));
  const widget =
    <E extends Element>(tag: string) =>
    () =>
      container.querySelector<E>(tag);

  it('renders the news feed component from its feed, with its properties, and calls its event prop', async () => {
    const more: CustomEvent<{ shown: number; total: number }>[] = [];
    render(
      React.createElement(MiNewsFeed, {
        src: fixture('feed.json'),
        limit: 2,
        headingLevel: 2,
        onMiNewsMore: (event) => more.push(event),
      }),
    );
    const el = widget('mi-news-feed');
    await reached(el, 'ready');
    expect($$(el()!, '[part="item"]')).to.have.length(2);
    expect($(el()!, '[part="title"]')?.getAttribute('aria-level'), 'headingLevel').to.equal('2');
    $<HTMLButtonElement>(el()!, '[part="more-button"]')!.click();
    await waitUntil(() => more.length === 1, 'onMiNewsMore was not called');
    expect(more[0].detail).to.include({ shown: 4 });
    await expect(el()!).to.be.accessible();
  });

  it('lets a component’s event prop change between renders, and removes it', async () => {
    const calls: string[] = [];
    const props = { src: fixture('../../demo/feed.json'), quiz: 'myths-sample' };
    render(React.createElement(MiQuiz, { ...props, onMiQuizStart: () => calls.push('first') }));
    const el = widget('mi-quiz');
    await reached(el, 'ready');
    render(React.createElement(MiQuiz, { ...props, onMiQuizStart: () => calls.push('second') }));
    $<HTMLButtonElement>(el()!, '[part="start-button"]')!.click();
    await waitUntil(() => calls.length === 1, 'onMiQuizStart was not called');
    expect(calls).to.deep.equal(['second']);
  });

  it('renders a bare tag with React 19: properties set, `onmi-…` listening to the event', async () => {
    await import('../src/quiz/mi-quiz.js');
    const started: CustomEvent<{ quizId: string }>[] = [];
    render(
      React.createElement('mi-quiz', {
        src: fixture('../../demo/feed.json'),
        quiz: 'myths-sample',
        draw: 2,
        'heading-level': 3,
        'onmi-quiz-start': (event: CustomEvent<{ quizId: string }>) => started.push(event),
      }),
    );
    const el = widget<HTMLElementTagNameMap['mi-quiz']>('mi-quiz');
    await reached(el, 'ready');
    expect(el()!.draw, 'draw, set as a number property').to.equal(2);
    expect(el()!.getAttribute('heading-level')).to.equal('3');
    $<HTMLButtonElement>(el()!, '[part="start-button"]')!.click();
    await waitUntil(() => started.length === 1, 'onmi-quiz-start was not called');
    expect(started[0].detail.quizId).to.equal('myths-sample');
    await expect(el()!).to.be.accessible();
  });
});
