/**
 * Sign-in for staff: a Cognito user pool with `advisor` and `supervisor` groups and the
 * console's app client. Customers sign in with the OIDC issuer from configuration (the
 * Suomi.fi broker); without one, this pool is their issuer too (Suomi.fi federated into it,
 * docs/identity.md). Stateful: the users live here, so it is retained in prod.
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

/** Staff roles; the gateway reads them from `cognito:groups` (docs/identity.md). */
export const STAFF_GROUPS = ["advisor", "supervisor"] as const;

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
      this.userPool.addGroup(`${group}Group`, {
        groupName: group,
        description:
          group === "advisor"
            ? "Takes chats from the queues of the languages in custom:languages"
            : "Sees every queue and the reports; may also take chats",
        precedence: group === "supervisor" ? 1 : 2,
      });
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
