// What the generated types must refuse. The line under each `error:` mark must fail with that message;
// test/node/framework-types.test.js checks every mark, and that nothing else fails.
import type {} from 'migration-info-widgets/react-jsx';

export const wrong = (
  <div>
    {/* error: Type 'string' is not assignable to type 'number' */}
    <mi-quiz draw="many" />
    {/* error: Type '"bing"' is not assignable to type */}
    <mi-hub-locator directions="bing" />
    {/* error: Type '"grid"' is not assignable to type */}
    <mi-news-feed layout="grid" />
    {/* error: Type 'string' is not assignable to type 'boolean | undefined' */}
    <mi-campaign-banner rotate="yes" />
    {/* error: Property 'colour' does not exist on type 'MiNewsFeedJsxProps' */}
    <mi-news-feed colour="red" />
    {/* error: Property 'quizId' does not exist on type '{ hubId: string; }' */}
    <mi-hub-locator onmi-hub-select={(e) => e.detail.quizId} />
    {/* error: is not assignable to type '(event: CustomEvent<{ quizId: string; score: number; total: number; }>) => void' */}
    <mi-quiz onmi-quiz-complete={(e: CustomEvent<{ hubId: string }>) => e} />
    {/* error: Property 'mi-quiz-box' does not exist on type 'JSX.IntrinsicElements' */}
    <mi-quiz-box />
  </div>
);
