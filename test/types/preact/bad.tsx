// What the generated Preact types must refuse: the line under each `error:` mark fails with that
// message, and nothing else (test/node/framework-types.test.js).
import type {} from 'migration-info-widgets/preact-jsx';

export const wrong = (
  <div>
    {/* error: Type 'string' is not assignable to type 'number' */}
    <mi-quiz draw="many" />
    {/* error: Type '"bing"' is not assignable to type */}
    <mi-hub-locator directions="bing" />
    {/* error: Property 'quizId' does not exist on type '{ hubId: string; }' */}
    <mi-hub-locator onmi-hub-select={(e) => e.detail.quizId} />
  </div>
);
