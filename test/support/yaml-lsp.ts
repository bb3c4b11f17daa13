// A minimal LSP client for the real yaml-language-server over stdio (JSON-RPC with
// Content-Length framing), so tests see what an editor shows: diagnostics, hovers, completions.
// Every step awaits the server's own answer (by request id, or the document's diagnostics); no
// sleeps. One server per test file: start it in beforeAll, stop it in afterAll.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** An LSP position: zero-based line and UTF-16 column. */
export interface Position {
  line: number;
  character: number;
}

/** An LSP diagnostic, as published for a document. */
export interface Diagnostic {
  range: { start: Position; end: Position };
  message: string;
  severity?: number;
}

/** One completion proposal. */
export interface CompletionItem {
  label: string;
  insertText?: string;
  documentation?: string | { kind: string; value: string };
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

type Settings = Record<string, unknown>;

const SERVER = createRequire(import.meta.url).resolve(
  'yaml-language-server/bin/yaml-language-server',
);

/** A running yaml-language-server and the documents opened in it. */
export class YamlLanguageServer {
  private readonly child: ChildProcess;
  private readonly settings: Settings;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly diagnostics = new Map<string, (d: Diagnostic[]) => void>();
  private readonly opened = new Set<string>();
  private version = 0;

  private constructor(settings: Settings) {
    this.settings = settings;
    this.child = spawn(process.execPath, [SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  /**
   * Starts a server for the workspace `root` with `yaml` settings (as an editor's settings.json
   * holds them under `yaml.`). The schema store is off, so nothing is fetched from the network.
   */
  static async start(root: string, yaml: Settings = {}): Promise<YamlLanguageServer> {
    const server = new YamlLanguageServer({ ...yaml, schemaStore: { enable: false } });
    const rootUri = pathToFileURL(root).href;
    await server.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'routes' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: {
            completionItem: { snippetSupport: true, documentationFormat: ['markdown'] },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: {},
        },
      },
    });
    server.notify('initialized', {});
    // The code lens handler waits for the settings the server pulls after `initialized`, so its
    // answer means they are applied before any document is opened.
    await server.request('textDocument/codeLens', {
      textDocument: { uri: `${rootUri}/none.yaml` },
    });
    return server;
  }

  /** Opens (or replaces) a document and resolves with the diagnostics the server publishes for it. */
  async open(path: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(path).href;
    // Closing publishes empty diagnostics; wait for them, so they are not taken for the new text's.
    if (this.opened.has(uri))
      await this.published(uri, 'textDocument/didClose', { textDocument: { uri } });
    this.opened.add(uri);
    this.version++;
    const document = { uri, languageId: 'yaml', version: this.version, text };
    return this.published(uri, 'textDocument/didOpen', { textDocument: document });
  }

  /** The hover text at a position of an open document ('' when there is none). */
  async hover(path: string, at: Position): Promise<string> {
    const result = (await this.request('textDocument/hover', this.place(path, at))) as {
      contents?: { value: string } | string;
    } | null;
    const contents = result?.contents;
    return typeof contents === 'string' ? contents : (contents?.value ?? '');
  }

  /** The completion items at a position of an open document. */
  async completion(path: string, at: Position): Promise<CompletionItem[]> {
    const result = (await this.request('textDocument/completion', this.place(path, at))) as
      | { items: CompletionItem[] }
      | CompletionItem[]
      | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  /** Shuts the server down and waits for it to exit. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request('shutdown', null);
    this.notify('exit', null);
    await exited;
  }

  /** Sends a notification and resolves with the next diagnostics published for `uri`. */
  private published(uri: string, method: string, params: unknown): Promise<Diagnostic[]> {
    const next = new Promise<Diagnostic[]>((resolve) => this.diagnostics.set(uri, resolve));
    this.notify(method, params);
    return next;
  }

  private place(path: string, position: Position) {
    return { textDocument: { uri: pathToFileURL(path).href }, position };
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) =>
        m.error ? reject(new Error(m.error.message)) : resolve(m.result),
      );
      this.send({ id, method, params });
    });
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  /** Splits the byte stream into messages; Content-Length counts bytes, not characters. */
  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(
        /Content-Length: (\d+)/i.exec(this.buffer.toString('ascii', 0, end))?.[1],
      );
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.toString('utf8', end + 4, end + 4 + length);
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(m: Message): void {
    if (m.method === undefined) {
      this.pending.get(m.id!)?.(m);
      this.pending.delete(m.id!);
    } else if (m.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = m.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.get(uri)?.(diagnostics);
      this.diagnostics.delete(uri);
    } else if (m.id !== undefined) this.answer(m);
  }

  /** Answers the server's own requests: its settings, and null for the rest (registrations). */
  private answer(m: Message): void {
    let result: unknown = null;
    if (m.method === 'workspace/configuration') {
      const { items } = m.params as { items: { section: string }[] };
      result = items.map((item) => (item.section === 'yaml' ? this.settings : null));
    }
    this.send({ id: m.id!, result });
  }
}

/** The place of the `<|>` marker in `marked`, and the text without it. */
export function cursor(marked: string): { text: string; at: Position } {
  const index = marked.indexOf('<|>');
  if (index < 0) throw new Error('no <|> marker in the text');
  const before = marked.slice(0, index).split('\n');
  const at = { line: before.length - 1, character: before.at(-1)!.length };
  return { text: marked.slice(0, index) + marked.slice(index + 3), at };
}
