// The demo's language switcher: it only sets <html lang>; the widgets follow by themselves.
const buttons = document.querySelectorAll('[data-lang]');
function show() {
  const current = document.documentElement.getAttribute('lang') ?? '';
  buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === current)));
}
buttons.forEach((button) =>
  button.addEventListener('click', () => {
    if (button.dataset.lang) document.documentElement.lang = button.dataset.lang;
    else document.documentElement.removeAttribute('lang');
    show();
  }),
);
show();
