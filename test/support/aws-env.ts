/**
 * The AWS environment every test runs with: fake but well-formed credentials (moto and the
 * loopback recorders do not check signatures), no shared config or credentials file and no
 * instance metadata, so nothing from this machine's AWS setup is used and nothing real is reached.
 */

/** For a process: merged into process.env, or given to a child as its environment. */
export const fakeAwsEnv = {
  AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE",
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  AWS_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/nonexistent/config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};

/**
 * Replaces every AWS_* variable of this test process with fakeAwsEnv, then applies `overrides`
 * (a value of undefined removes that variable: `{ AWS_REGION: undefined }` for no region);
 * returns the function that restores the environment as it was.
 */
export function isolateAwsEnvironment(overrides: Record<string, string | undefined> = {}): () => void {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
  for (const [key, value] of Object.entries({ ...fakeAwsEnv, ...overrides })) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return () => {
    process.env = saved;
  };
}

/** The environment of a server run as a child process: PATH and HOME from this one, then `env`. */
export function childEnv(env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env };
}
