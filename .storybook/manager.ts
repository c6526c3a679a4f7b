// A Phone button in the toolbar, beside the viewport menu: one click shows the story at the
// preview's phone viewport (360 × 740, `parameters.viewport.options.phone` in preview.ts), a
// second click goes back to the full width. The viewport menu keeps the other sizes.
import React from 'react';
import { MobileIcon } from '@storybook/icons';
import { ToggleButton } from 'storybook/internal/components';
import { addons, types, useGlobals } from 'storybook/manager-api';

const ADDON_ID = 'mi-widgets/phone-viewport';
const PHONE = 'phone';

function PhoneTool() {
  const [globals, updateGlobals] = useGlobals();
  const viewport: unknown = globals.viewport;
  const value = typeof viewport === 'string' ? viewport : (viewport as { value?: string })?.value;
  const pressed = value === PHONE;
  return React.createElement(
    ToggleButton,
    {
      key: ADDON_ID,
      pressed,
      padding: 'small',
      variant: 'ghost',
      ariaLabel: 'Phone (360 × 740)',
      tooltip: pressed ? 'Back to the full width' : 'Show at a 360 × 740 phone',
      onClick: () =>
        updateGlobals({ viewport: { value: pressed ? undefined : PHONE, isRotated: false } }),
    },
    React.createElement(MobileIcon, null),
    'Phone',
  );
}

addons.register(ADDON_ID, () => {
  addons.add(`${ADDON_ID}/tool`, {
    type: types.TOOL,
    title: 'Phone viewport',
    match: ({ viewMode, tabId }) => viewMode === 'story' && !tabId,
    render: PhoneTool,
  });
});
