// Entry: language and direction first (so the first paint is already mirrored for he/fa), then the app.
import { render } from 'preact';
import { App } from './app.tsx';
import { pickLocale, setLocale } from './i18n.ts';
import './styles.css';

const i18n = setLocale(pickLocale(location.search, navigator.languages ?? [navigator.language]));
document.documentElement.lang = i18n.lang;
document.documentElement.dir = i18n.dir;
render(<App />, document.getElementById('app') as HTMLElement);
