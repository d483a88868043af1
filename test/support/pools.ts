/** Requests the tests share: the reference page's example, and one that sets every parameter. */
export const referenceExample = {
  IdentityPoolName: "MyIdentityPool",
  AllowUnauthenticatedIdentities: false,
  CognitoIdentityProviders: [
    {
      ProviderName: "cognito-idp.us-west-2.amazonaws.com/us-west-2_aaaaaaaaa",
      ClientId: "3n4b5urk1ft4fl3mg5e62d9ado",
      ServerSideTokenCheck: false,
    },
  ],
};

export const everyParameter = {
  IdentityPoolName: "Every parameter pool",
  AllowUnauthenticatedIdentities: true,
  AllowClassicFlow: true,
  SupportedLoginProviders: { "graph.facebook.com": "1234567890", "accounts.google.com": "abc.apps.googleusercontent.com" },
  DeveloperProviderName: "login.example.app",
  OpenIdConnectProviderARNs: ["arn:aws:iam::123456789012:oidc-provider/oidc.example.com"],
  CognitoIdentityProviders: [
    { ProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc123", ClientId: "client1", ServerSideTokenCheck: true },
    { ProviderName: "cognito-idp.us-east-1.amazonaws.com/us-east-1_def456", ClientId: "client2", ServerSideTokenCheck: false },
  ],
  SamlProviderARNs: ["arn:aws:iam::123456789012:saml-provider/corp"],
  IdentityPoolTags: { team: "identity", env: "test" },
};
