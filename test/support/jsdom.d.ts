// jsdom ships no types; the tests use only its window, to give Mermaid's sanitiser a DOM.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: object;
  }
}
