// The call parameters Ringostat sends to a webhook number, under their default names (its help
// pages, "Webhook forwarding number"), plus `insertionType`, which Ringostat's own PHP sample reads
// for the substitution type. Users may rename any of them; this list only feeds the misspelling
// hint (analyse/param-names.ts), never a rule about which names are allowed.

/** Ringostat's default parameter names, in the order its documentation lists them. */
export const RINGOSTAT_PARAMS: readonly string[] = [
  'caller',
  'callee',
  'date',
  'type',
  'callnum',
  'source',
  'medium',
  'campaign',
  'content',
  'term',
  'record',
  'callid',
  'useruuid',
  'userip',
  'callroute',
  'uniquefirst',
  'lastpage',
  'landing',
  'replacetype',
  'pool',
  'gaid',
  'fullnum',
  'E164',
  'ivrnum',
  'custom',
  'roistat',
  'project_id',
  'proper_flag',
  'repeated_flag',
  'outbound_number',
  'useragent',
  'insertionType',
];
