// Mermaid's own parser, for tests that check every diagram the tools emit. Mermaid's sanitiser
// (DOMPurify) looks for a global `window` when it loads, so one jsdom window is installed first;
// nothing else is changed (jsdom's whole environment would replace URL, which the compiler uses).
import { JSDOM } from 'jsdom';

type Mermaid = typeof import('mermaid').default;
let loaded: Promise<Mermaid> | undefined;

/** The diagram type Mermaid reads in `text` (`flowchart-v2`, `gantt`); throws its parse error. */
export async function mermaidType(text: string): Promise<string> {
  loaded ??= load();
  const mermaid = await loaded;
  return (await mermaid.parse(text)).diagramType;
}

async function load(): Promise<Mermaid> {
  (globalThis as { window?: object }).window ??= new JSDOM('').window;
  return (await import('mermaid')).default;
}
