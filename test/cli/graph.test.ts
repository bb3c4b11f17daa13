import { describe, expect, it } from 'vitest';
import { run as graph } from '../../src/cli/graph.ts';
import { main } from '../../src/cli/main.ts';
import { compileAll } from '../../src/compiler/pipeline.ts';
import { mermaidGraph } from '../../src/review/graph.ts';
import { runCli } from '../support/aws-cli.ts';
import { EXAMPLE_ROUTES } from '../support/example-routes.ts';

const support = compileAll(EXAMPLE_ROUTES).webhooks.find((w) => w.name === 'support')!;

describe('routes graph', () => {
  it('prints the flowchart in a ```mermaid block, ready for a pull request comment', async () => {
    expect(await runCli(graph, ['support', '--routes', EXAMPLE_ROUTES])).toEqual({
      code: 0,
      stdout: `\`\`\`mermaid\n${mermaidGraph(support)}\`\`\`\n`,
      stderr: '',
    });
  });

  it('prints the bare Mermaid source with --format mermaid', async () => {
    const argv = ['support', '--routes', EXAMPLE_ROUTES, '--format', 'mermaid'];
    expect(await runCli(graph, argv)).toEqual({
      code: 0,
      stdout: mermaidGraph(support),
      stderr: '',
    });
  });

  it('names the webhooks there are when the one asked for is missing, and exits 1', async () => {
    expect(await runCli(graph, ['nope', '--routes', EXAMPLE_ROUTES])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'graph: no usable webhook "nope" (webhooks: sales, support)\n',
    });
  });

  it.each([
    [['--routes', EXAMPLE_ROUTES], 'routes graph: usage: routes graph <webhook>\n'],
    [['sales', 'caller=1'], 'routes graph: usage: routes graph <webhook>\n'],
    [
      ['sales', '--format', 'svg'],
      'routes graph: --format must be markdown or mermaid, got "svg"\n',
    ],
  ])('exits 2 for %j', async (argv, stderr) => {
    expect(await runCli(main, ['graph', ...argv])).toEqual({ code: 2, stdout: '', stderr });
  });
});
