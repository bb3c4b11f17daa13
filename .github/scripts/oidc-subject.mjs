// Prints the subject (`sub` claim) of the OIDC token this GitHub Actions job presents to AWS, for
// the step that runs when assuming the deploy role failed: the role trusts exactly one subject,
// and repositories created since mid-2026 present one with owner and repository IDs, so the fix
// is to copy this line into cdk.json's `githubSubject` (docs/deploy.md). Only the subject is
// printed, never the token. Runs with plain Node (no dependencies) under `id-token: write`.
const requestUrl = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
if (!requestUrl || !requestToken) {
  console.log('::error::No OIDC token to inspect: the job needs `permissions: id-token: write`.');
  process.exit(1);
}
const url = new URL(requestUrl);
url.searchParams.set('audience', 'sts.amazonaws.com'); // what configure-aws-credentials asks for
const res = await fetch(url, { headers: { authorization: `bearer ${requestToken}` } });
if (!res.ok) {
  console.log(`::error::GitHub refused the OIDC token request: HTTP ${res.status}`);
  process.exit(1);
}
const { value } = await res.json();
const payload = JSON.parse(Buffer.from(String(value).split('.')[1] ?? '', 'base64url').toString());
const subject = payload.sub;
console.log(
  `::error title=AWS refused the OIDC token::The deploy role trusts one subject and this job presents ${subject}. ` +
    `Set "githubSubject": "${subject}" in cdk.json, then redeploy the RingostatRouterGithubDeploy stack (docs/deploy.md).`,
);
console.log(`OIDC subject of this job: ${subject}`);
