// What the @lit/react components' types must refuse: the line under each `error:` mark fails
// with that message, and nothing else (test/node/framework-types.test.js).
import { MiHubLocator, MiNewsFeed, MiQuiz } from 'migration-info-widgets/react';

export const wrong = (
  <div>
    {/* error: Type 'string' is not assignable to type 'number' */}
    <MiQuiz draw="many" />
    {/* error: Type '"bing"' is not assignable to type */}
    <MiHubLocator directions="bing" />
    {/* error: Property 'quizId' does not exist on type '{ hubId: string; }' */}
    <MiHubLocator onMiHubSelect={(e) => e.detail.quizId} />
    {/* error: Property 'hubId' does not exist on type '{ shown: number; total: number; }' */}
    <MiNewsFeed onMiNewsMore={(e) => e.detail.hubId} />
    {/* error: Property 'colour' does not exist on type */}
    <MiNewsFeed colour="red" />
  </div>
);
