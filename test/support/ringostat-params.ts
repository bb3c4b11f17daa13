// The call parameters Ringostat sends by default, in the order its documentation lists them
// (plus `insertionType`, the name its PHP sample reads for the substitution type). Editors offer
// them from both schemas; test/schema/ checks the schemas against this list.

/** Ringostat's default call parameter names. */
export const RINGOSTAT_PARAMS = [
  ...['caller', 'callee', 'date', 'type', 'callnum', 'source', 'medium', 'campaign', 'content'],
  ...['term', 'record', 'callid', 'useruuid', 'userip', 'callroute', 'uniquefirst', 'lastpage'],
  ...['landing', 'replacetype', 'pool', 'gaid', 'fullnum', 'E164', 'ivrnum', 'custom', 'roistat'],
  ...['project_id', 'proper_flag', 'repeated_flag', 'outbound_number', 'useragent'],
  'insertionType',
];
