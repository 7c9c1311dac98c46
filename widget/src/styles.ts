/**
 * The widget's styles, inside its shadow root: nothing leaks in or out. The host page themes it
 * through the --kenner-* custom properties (they inherit through the shadow boundary) and, for
 * more, through the ::part names (docs/widget.md lists both).
 */
export const STYLES = `
:host {
  all: initial;
  display: block;
  container-type: inline-size;
  font: var(--kenner-font-size, 1rem) / 1.5 var(--kenner-font, system-ui, sans-serif);
  color: var(--kenner-text, #1f2933);
  --_accent: var(--kenner-accent, #0b5cad);
  --_muted: var(--kenner-muted, #52606d);
  --_border: var(--kenner-border, #9aa5b1);
  --_surface: var(--kenner-surface, #f5f7fa);
  --_bg: var(--kenner-background, #ffffff);
  --_radius: var(--kenner-radius, 6px);
  --_gap: var(--kenner-gap, 1rem);
}
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
.root {
  /* Again here: a page rule with !important on the host element (say * { color: red
     !important }) wins there, and would be inherited by everything inside. */
  font: var(--kenner-font-size, 1rem) / 1.5 var(--kenner-font, system-ui, sans-serif);
  color: var(--kenner-text, #1f2933);
  text-align: start;
  letter-spacing: normal;
  background: var(--_bg); padding: var(--_gap); border-radius: var(--_radius);
}
h2, h3, h4, h5, h6, p, ul, ol, fieldset { margin: 0; padding: 0; }
ul, ol { list-style: none; }
button, input, select, textarea { font: inherit; color: inherit; }
input, select, textarea {
  background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius);
  padding: .45em .6em; min-width: 0;
}
button {
  cursor: pointer; border-radius: var(--_radius); padding: .45em .9em;
  border: 1px solid var(--_accent); background: var(--_bg); color: var(--_accent);
}
button.primary { background: var(--_accent); color: var(--kenner-accent-text, #ffffff); }
button:disabled { opacity: .6; cursor: default; }
button.link { border: 0; padding: 0; background: none; text-decoration: underline; }
:focus-visible { outline: 3px solid var(--kenner-focus, #f0b429); outline-offset: 2px; }
.sr-only {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap;
}
.muted { color: var(--_muted); }
.row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.search { display: grid; gap: .5rem; margin-bottom: .75rem; }
.search .row > .combo { flex: 1 1 16rem; }
.combo { position: relative; display: flex; }
.combo input { width: 100%; }
.listbox {
  position: absolute; top: 100%; left: 0; right: 0; z-index: 10; margin-top: 2px;
  background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius);
  box-shadow: 0 4px 12px rgb(0 0 0 / 15%); max-height: 18rem; overflow-y: auto;
}
.option { padding: .4em .6em; cursor: pointer; }
.option[aria-selected='true'], .option:hover { background: var(--_surface); }
.near .combo { flex: 1 1 10rem; }
.chips { margin: .5rem 0; }
.chip { background: var(--_surface); border-color: var(--_border); color: inherit; }
.status { font-weight: 600; margin: .5rem 0; }
.layout { display: grid; grid-template-columns: minmax(12rem, 16rem) 1fr; gap: var(--_gap); }
@container (max-width: 40rem) { .layout { grid-template-columns: 1fr; } }
.facets { display: grid; gap: .75rem; align-content: start; }
fieldset { border: 0; min-width: 0; }
legend { font-weight: 600; margin-bottom: .25rem; }
.facet label { display: flex; gap: .4rem; align-items: baseline; }
.facet input { flex: none; }
.filters summary { font-weight: 600; cursor: pointer; margin-bottom: .5rem; }
.facet .count { margin-left: auto; color: var(--_muted); font-size: .9em; }
.results { display: grid; gap: .75rem; align-content: start; }
.card {
  border: 1px solid var(--_border); border-radius: var(--_radius); padding: .75rem;
  display: grid; gap: .35rem;
}
.card .name, .inquiry .title { font-size: 1.1em; font-weight: 700; }
.skills { display: flex; flex-wrap: wrap; gap: .35rem; }
.skill { background: var(--_surface); border-radius: var(--_radius); padding: .1em .5em; font-size: .9em; }
.skill.matched { outline: 2px solid var(--_accent); }
.pager { display: flex; gap: .5rem; align-items: center; justify-content: center; margin-top: .5rem; }
.empty { display: grid; gap: .5rem; }
.inquiry { border: 1px solid var(--_border); border-radius: var(--_radius); padding: var(--_gap); margin-top: var(--_gap); display: grid; gap: .6rem; }
.inquiry label { display: grid; gap: .2rem; }
.inquiry .check { display: flex; gap: .5rem; align-items: flex-start; }
.inquiry > button { justify-self: start; }
.error { color: var(--kenner-error, #b42318); }
.notice { background: var(--_surface); padding: .5rem; border-radius: var(--_radius); }
`;
