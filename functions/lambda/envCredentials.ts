import { fromEnv } from "@aws-sdk/credential-provider-env";

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (the esbuild alias
 * in infra/constructs/apiFunction.ts): Lambda hands every function its role's credentials in
 * the environment, the first link of the SDK's default chain, so the rest of the chain (SSO,
 * ini files, web identity, process, container and instance metadata, with the STS and SSO
 * clients they bring) is never reached there and only costs bundle size and load time. The
 * SDK clients' `credentials` option does not help: their runtime config imports the default
 * chain statically, so it is bundled even when unused. Never used outside the bundles: tests
 * and the local server keep the full chain (or static credentials for a local endpoint).
 * Same signature as the package's `defaultProvider`; no environment credentials fail loudly.
 */
export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);
