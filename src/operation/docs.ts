/**
 * What each member means, from the AWS CLI v1 reference page
 * (shared/reference/aws-cli-v1-create-identity-pool.txt). Shown to assistants in the
 * tool's input and output schemas.
 */
export const memberDocs: Record<string, string> = {
  IdentityPoolId: "An identity pool ID in the format REGION:GUID.",
  IdentityPoolName: "A string that you provide.",
  AllowUnauthenticatedIdentities: "TRUE if the identity pool supports unauthenticated logins.",
  AllowClassicFlow:
    "Enables or disables the Basic (Classic) authentication flow. For more information, see Identity Pools (Federated Identities) Authentication Flow in the Amazon Cognito Developer Guide.",
  SupportedLoginProviders:
    "Optional key:value pairs mapping provider names to provider app IDs. Keys: Facebook graph.facebook.com, Google accounts.google.com, Amazon www.amazon.com, Twitter api.twitter.com, Digits www.digits.com.",
  DeveloperProviderName:
    'The "domain" by which Cognito will refer to your users. This name acts as a placeholder that allows your backend and the Cognito service to communicate about the developer provider. For the DeveloperProviderName, you can use letters as well as period (.), underscore (_), and dash (-). Once you have set a developer provider name, you cannot change it. Please take care in setting this parameter.',
  OpenIdConnectProviderARNs: "The Amazon Resource Names (ARN) of the OpenID Connect providers.",
  CognitoIdentityProviders: "An array of Amazon Cognito user pools and their client IDs.",
  SamlProviderARNs: "An array of Amazon Resource Names (ARNs) of the SAML provider for your identity pool.",
  IdentityPoolTags:
    "Tags to assign to the identity pool. A tag is a label that you can apply to identity pools to categorize and manage them in different ways, such as by purpose, owner, environment, or other criteria.",
  ProviderName:
    "The provider name for an Amazon Cognito user pool. For example, cognito-idp.us-east-1.amazonaws.com/us-east-1_123456789.",
  ClientId: "The client ID for the Amazon Cognito user pool.",
  ServerSideTokenCheck:
    "TRUE if server-side token validation is enabled for the identity provider's token. Once you set ServerSideTokenCheck to TRUE for an identity pool, that identity pool will check with the integrated user pools to make sure that the user has not been globally signed out or deleted before the identity pool provides an OIDC token or AWS credentials for the user. If the user is signed out or deleted, the identity pool will return a 400 Not Authorized error.",
};
