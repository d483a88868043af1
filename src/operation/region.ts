/** How a region name looks (us-east-1, cn-north-1, us-gov-west-1): checked on a call's region and by the sandbox. */
export const regionFormat = /^[a-z]{2}(-[a-z]+)+-\d+$/;
