// The CDK app: reads settings from cdk.json context and instantiates the stacks. Nothing else.
import { App } from 'aws-cdk-lib';
import { GithubOidcStack, readGithubSettings } from '../github-oidc-stack.ts';
import { addNagChecks } from '../nag.ts';
import { FUNCTION_NAME_PREFIX, RouterStack } from '../router-stack.ts';
import { readSettings } from '../settings.ts';

const app = new App();
const settings = readSettings(app.node);
new RouterStack(app, `RingostatRouter-${settings.stage}`, {
  settings,
  description: `Ringostat call router (${settings.stage}): Lambda, live alias, Function URL, rollout`,
});
const github = readGithubSettings(app.node);
if (github) {
  new GithubOidcStack(app, 'RingostatRouterGithubDeploy', {
    github,
    functionName: `${FUNCTION_NAME_PREFIX}${settings.stage}`,
    description: `GitHub Actions OIDC deploy role for ${github.repo}`,
  });
}
addNagChecks(app);
