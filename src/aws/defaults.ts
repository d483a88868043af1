/** The AWS CLI's default for --cli-read-timeout and --cli-connect-timeout. */
export const defaultTimeoutSeconds = 60;
