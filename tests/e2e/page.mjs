// Small page helpers shared by the home-screen tests.

/**
 * The element for a test id (or a CSS selector starting with "["), scrolled to the middle of
 * the window so a click lands on it and not on the fixed footer or a sticky table header.
 */
export async function at(browser, idOrSelector, timeout = 10000) {
  const selector = idOrSelector.startsWith('[') ? idOrSelector : `[data-testid="${idOrSelector}"]`;
  const el = await browser.$(selector);
  await el.waitForExist({ timeout });
  await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
  return el;
}

/** Sets an input's value and fires `input`, as typing does (datetime-local has no typing path). */
export async function setInput(browser, id, value) {
  await browser.execute(
    (id, value) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    id,
    value,
  );
}
