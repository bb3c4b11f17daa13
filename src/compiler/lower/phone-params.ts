/** Ringostat's phone-number parameters (default names): values tested on them are phone numbers. */
export const PHONE_PARAMS: ReadonlySet<string> = new Set([
  'caller',
  'callee',
  'fullnum',
  'E164',
  'outbound_number',
]);
