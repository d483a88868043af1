/** The region the sandbox uses when a request names none (unsigned, or no region configured). */
export const sandboxDefaultRegion = "us-east-1";
