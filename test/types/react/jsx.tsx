// React 19's JSX with the generated types: every tag, its attributes, events, ref, class, children.
import { useRef, useState } from 'react';
import type {} from 'migration-info-widgets/react-jsx';
import type { MiHubLocator, MiQuiz } from 'migration-info-widgets';

export function Widgets() {
  const quiz = useRef<MiQuiz>(null);
  const hubs = useRef<MiHubLocator>(null);
  const [log, setLog] = useState<string[]>([]);
  const note = (line: string) => setLog((lines) => [...lines, line]);
  return (
    <main className="widgets">
      <mi-news-feed
        src="/feed.json"
        layout="cards"
        limit={3}
        tag="information-hubs"
        heading-level={2}
        theme="auto"
        lang="es"
        label="Noticias"
        timeout={5000}
        onmi-news-more={(e) => note(`${e.detail.shown}/${e.detail.total}`)}
        onmi-news-open={(e) => note(e.detail.url)}
      >
        <p>Noticias de migración</p>
      </mi-news-feed>
      <mi-quiz
        ref={quiz}
        class="quiz"
        quiz="es-quiz"
        draw={3}
        shuffle
        onmi-quiz-start={(e) => note(e.detail.quizId)}
        onmi-quiz-answer={(e) => note(`${e.detail.questionId}: ${e.detail.correct}`)}
        onmi-quiz-complete={(e) => note(`${e.detail.score} of ${e.detail.total}`)}
      />
      <mi-hub-locator
        ref={hubs}
        country="gt"
        service="legal"
        map
        tiles="https://tiles.example.org/{z}/{x}/{y}.png"
        tiles-attribution="© Example"
        directions="osm"
        onmi-hub-select={(e) => note(e.detail.hubId.toUpperCase())}
      />
      <mi-campaign-banner
        layout="hero"
        rotate
        interval={6000}
        dismissible
        dismiss-days={7}
        campaign="c1"
        onmi-campaign-view={(e) => note(e.detail.campaignId)}
        onmi-campaign-click={(e) => note(e.detail.campaignId)}
        onmi-campaign-dismiss={(e) => note(e.detail.campaignIds.join())}
        onClick={() => quiz.current?.focus()}
      />
      <output>{log.join('\n')}</output>
    </main>
  );
}
