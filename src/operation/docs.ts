/**
 * What each member is, in a few words (after the AWS CLI's reference pages): shown to
 * assistants in the tools' input schemas, next to the rules the model's constraints state.
 */
export const memberDocs: Record<string, string> = {
  IdentityPoolId: "The pool's ID, REGION:GUID.",
  IdentityPoolName: "The pool's name.",
  AllowUnauthenticatedIdentities: "Whether guests (unauthenticated identities) get credentials.",
  AllowClassicFlow: "Enables the Basic (Classic) authentication flow.",
  SupportedLoginProviders: "Public login providers: provider domain (graph.facebook.com, accounts.google.com, www.amazon.com …) → app ID.",
  DeveloperProviderName: "Your backend's developer provider name. Can never be changed once set.",
  OpenIdConnectProviderARNs: "IAM OpenID Connect provider ARNs.",
  CognitoIdentityProviders: "Cognito user pools: ProviderName (cognito-idp.REGION.amazonaws.com/POOL_ID), ClientId, ServerSideTokenCheck.",
  SamlProviderARNs: "IAM SAML provider ARNs.",
  IdentityPoolTags: "Tags for cost and ownership, key → value; a key may not start with aws:.",
  ProviderName: "cognito-idp.REGION.amazonaws.com/USER_POOL_ID.",
  ClientId: "The user pool app client ID.",
  ServerSideTokenCheck: "Check with the user pool that the user is still signed in.",
  MaxResults: "Pools per page (API page size).",
  NextToken: "The token of the page to read, from the previous page.",
  Roles: 'IAM role ARNs by kind: "authenticated" and/or "unauthenticated".',
  RoleMappings:
    'Per identity provider ("cognito-idp.REGION.amazonaws.com/POOL_ID:CLIENT_ID", or a provider domain): Type Token or Rules, AmbiguousRoleResolution AuthenticatedRole or Deny, RulesConfiguration.Rules [{Claim, MatchType Equals|Contains|StartsWith|NotEqual, Value, RoleARN}].',
};
