// Preact's JSX with the generated types: a tag, its attributes, an event, ref, class, children.
import { createRef } from 'preact';
import type {} from 'migration-info-widgets/preact-jsx';
import type { MiQuiz } from 'migration-info-widgets';

const quiz = createRef<MiQuiz>();

export const widgets = (
  <main>
    <mi-quiz
      ref={quiz}
      class="quiz"
      quiz="es-quiz"
      draw={3}
      heading-level={2}
      shuffle
      onmi-quiz-complete={(e) => console.log(e.detail.score, e.detail.total)}
    />
    <mi-hub-locator directions="osm" onmi-hub-select={(e) => e.detail.hubId.toUpperCase()}>
      <p>Centros de información</p>
    </mi-hub-locator>
  </main>
);
