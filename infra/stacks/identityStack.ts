/**
 * Sign-in for staff: a Cognito user pool with `advisor`, `supervisor`, `content-owner` and
 * `content-reviewer` groups and the console's app client. Customers sign in with the OIDC
 * issuer from configuration (the Suomi.fi broker); without one, this pool is their issuer
 * too (Suomi.fi federated into it, docs/identity.md). Stateful: the users live here, so it is retained in prod.
 */
import { CfnOutput, Duration, Stack, type StackProps } from "aws-cdk-lib";
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from "aws-cdk-lib/aws-cognito";
import type { Construct } from "constructs";
import type { StageConfig } from "../stage.ts";

/**
 * Staff roles as Cognito groups. Cognito puts a user's groups in the tokens' `cognito:groups`
 * claim, and the verifier keeps those that are StaffRole values (joseVerifier.ts,
 * docs/identity.md): a group reaches the services only once its role is in STAFF_ROLES.
 */
export const STAFF_GROUPS = ["advisor", "supervisor", "content-owner", "content-reviewer"] as const;

/** What each group may do, as the pool shows it; precedence only orders the list. */
const GROUP_SETTINGS: Record<
  (typeof STAFF_GROUPS)[number],
  { description: string; precedence: number }
> = {
  supervisor: {
    description: "Sees every queue and the reports; may also take chats",
    precedence: 1,
  },
  advisor: {
    description: "Takes chats from the queues of the languages in custom:languages",
    precedence: 2,
  },
  "content-reviewer": {
    description: "Reviews and approves content versions that someone else published",
    precedence: 3,
  },
  "content-owner": {
    description: "Edits the bot's topics in the content studio and publishes content versions",
    precedence: 4,
  },
};

/** Where the services find an issuer's signing keys. */
export interface TokenIssuer {
  issuer: string;
  jwksUrl: string;
  audience: string;
}

export interface IdentityStackProps extends StackProps {
  stage: StageConfig;
}

export class IdentityStack extends Stack {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;
  readonly webChatClient: UserPoolClient;
  /** Issuer of console tokens (this pool, audience = console client). */
  readonly staffIssuer: TokenIssuer;
  /** Issuer of customer tokens when no external one is configured. */
  readonly poolCustomerIssuer: TokenIssuer;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    const { stage } = props;

    this.userPool = new UserPool(this, "StaffPool", {
      userPoolName: `asiointi-${stage.name}-staff`,
      // Accounts are created by the service's administrators, never by sign-up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        // Comma-separated chat languages the advisor serves: "fi", "sv" or "fi,sv".
        languages: new StringAttribute({ minLen: 2, maxLen: 8, mutable: true }),
      },
      deletionProtection: stage.name === "prod",
      removalPolicy: stage.identityRemovalPolicy,
    });

    for (const group of STAFF_GROUPS) {
      this.userPool.addGroup(`${group}Group`, { groupName: group, ...GROUP_SETTINGS[group] });
    }

    // Browser apps: public clients with PKCE, no secret; short-lived tokens.
    const clientDefaults = {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(10),
      enableTokenRevocation: true,
    };
    this.consoleClient = this.userPool.addClient("ConsoleClient", {
      userPoolClientName: "asiointi-console",
      ...clientDefaults,
    });
    this.webChatClient = this.userPool.addClient("WebChatClient", {
      userPoolClientName: "asiointi-chat",
      ...clientDefaults,
    });

    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${this.userPool.userPoolId}`;
    const jwksUrl = `${issuer}/.well-known/jwks.json`;
    this.staffIssuer = { issuer, jwksUrl, audience: this.consoleClient.userPoolClientId };
    this.poolCustomerIssuer = { issuer, jwksUrl, audience: this.webChatClient.userPoolClientId };

    new CfnOutput(this, "UserPoolId", { value: this.userPool.userPoolId });
    new CfnOutput(this, "ConsoleClientId", { value: this.consoleClient.userPoolClientId });
    new CfnOutput(this, "WebChatClientId", { value: this.webChatClient.userPoolClientId });
  }
}
