import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GithubOidcStack } from '../../infra/github-oidc-stack.ts';
import { acknowledgementsFor, addNagChecks } from '../../infra/nag.ts';
import { RouterStack } from '../../infra/router-stack.ts';
import { cdkJsonContext, cleanTempDirs, FIXTURE_ARTIFACT, tempDir, testSettings } from './synth.ts';

afterAll(() => {
  vi.unstubAllEnvs();
  cleanTempDirs();
});

interface Report {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

// The one validated synth of the suite: the real app entry, as `cdk synth` runs it (context as
// the CLI passes it), with the CloudFormation validator and cdk-nag. About 3 s on 2 cores.
describe('infra/bin/app.ts', () => {
  let outdir: string;
  let result: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    outdir = tempDir('router-app-out-');
    const context = {
      ...cdkJsonContext(),
      artifactDir: FIXTURE_ARTIFACT,
      githubRepo: 'acme/call-router',
      alarmEmail: 'ops@example.com',
    };
    const { CDK_VALIDATION: _off, ...env } = process.env;
    result = spawnSync(process.execPath, ['--import', 'tsx', 'infra/bin/app.ts'], {
      env: { ...env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
      encoding: 'utf8',
    });
  });

  it('synthesizes both stacks with no validation or cdk-nag finding left open', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(
      readFileSync(join(outdir, 'validation-report.json'), 'utf8'),
    ) as Report;
    expect(report.pluginReports).toEqual([]);
    expect(existsSync(join(outdir, 'RingostatRouter-prod.template.json'))).toBe(true);
    expect(existsSync(join(outdir, 'RingostatRouterGithubDeploy.template.json'))).toBe(true);
  });
});

describe('the acknowledgements', () => {
  let app: App;
  let router: RouterStack;
  let github: GithubOidcStack;

  beforeAll(() => {
    vi.stubEnv('CDK_VALIDATION', 'false');
    app = new App({ outdir: tempDir('router-nag-out-'), context: cdkJsonContext() });
    router = new RouterStack(app, 'Router', {
      settings: testSettings({ alarmEmail: 'ops@example.com' }),
    });
    github = new GithubOidcStack(app, 'Github', {
      github: {
        repo: 'acme/call-router',
        environment: 'production',
        subject: 'repo:acme/call-router:environment:production',
        providerArn: null,
      },
      functionName: 'ringostat-router-prod',
    });
  });

  it('each match a finding the checks report without them, on the same construct', () => {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM/);
    const report = JSON.parse(
      readFileSync(join(app.outdir, 'validation-report.json'), 'utf8'),
    ) as Report;
    const findings = report.pluginReports.flatMap((r) =>
      r.violations.flatMap((v) =>
        v.violatingConstructs.map((c) => `${v.ruleName} @ ${c.constructPath}`),
      ),
    );
    const acks = [router, github].flatMap(acknowledgementsFor);
    expect(findings.sort()).toEqual(
      acks.map((a) => `${a.id} @ ${a.scope.node.path}/Resource`).sort(),
    );
  });

  it.each(['Router', 'Github'].map((which) => [which]))(
    'in the %s stack each give a reason',
    (which) => {
      const stack = which === 'Router' ? router : github;
      const acks = acknowledgementsFor(stack);
      expect(acks.length).toBeGreaterThan(0);
      for (const ack of acks) expect(ack.reason.length).toBeGreaterThan(80);
    },
  );

  it('do not hide a new finding of the same rule', () => {
    vi.stubEnv('CDK_VALIDATION', 'false');
    const fresh = new App({ outdir: tempDir('router-nag-out-'), context: cdkJsonContext() });
    const stack = new RouterStack(fresh, 'Router', { settings: testSettings() });
    stack.fn.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    addNagChecks(fresh);
    expect(() => fresh.synth()).toThrow(/AwsSolutions-IAM5\[Resource::\*\]/);
  });
});
