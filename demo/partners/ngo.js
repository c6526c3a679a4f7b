// The NGO demo's language switcher. It only sets <html lang>: the page's own text follows through
// CSS (each string is written in both languages, the other one hidden) and the widgets follow by
// themselves. `?lang=es` in the address opens the page in Spanish.
const titles = {
  en: 'Safe Paths Network — fictional NGO (demo site)',
  es: 'Red Caminos Seguros — ONG ficticia (sitio de demostración)',
};
const switcher = document.querySelector('.lang-switch');
const buttons = switcher.querySelectorAll('button[data-set-lang]');

function setLang(lang, remember) {
  document.documentElement.lang = lang;
  document.title = titles[lang];
  buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.setLang === lang)));
  if (remember) {
    const url = new URL(location.href);
    if (lang === 'en') url.searchParams.delete('lang');
    else url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
  }
}

buttons.forEach((b) => b.addEventListener('click', () => setLang(b.dataset.setLang, true)));
const wanted = new URLSearchParams(location.search).get('lang');
setLang(Object.hasOwn(titles, wanted ?? '') ? wanted : 'en', false);
switcher.hidden = false;
