/* DO NOT EDIT: generated from schema/routes.schema.json by `npm run generate`.
 * test/generated/routes.test.ts fails when this file is stale. */

/**
 * Phone numbers in international format (E.164, with or without +) or SIP strings (sip/user@host, sip:user@host); several ring together.
 */
export type Destinations = ((string | number) | [(string | number), ...((string | number))[]])
/**
 * The ID of another forwarding scheme in the same Ringostat project.
 */
export type SchemeId = number
/**
 * Weighted branches; a caller always lands on the same branch (stable hash of the caller's digits).
 * 
 * @minItems 1
 */
export type Split = [Branch, ...(Branch)[]]
/**
 * One `HH:MM-HH:MM` range (end exclusive; `24:00` allowed as an end) or a list of them.
 * 
 * This interface was referenced by `Schedule`'s JSON-Schema definition
 * via the `patternProperty` "^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$".
 */
export type TimeRanges = (TimeRange | [TimeRange, ...(TimeRange)[]])
export type TimeRange = string
/**
 * The list's values inline, or the path (relative to routes/) of a `.txt` file with one value per line.
 */
export type ListSource = (Scalar[] | string)
export type Scalar = (string | number | boolean)
/**
 * The call's time is inside the named schedule, or outside it with `{ not: name }`.
 */
export type HoursTest = (Name | {
not: Name
})
/**
 * A name: letters, digits, `_`, `.` and `-`, starting with a letter or digit.
 */
export type Name = string
/**
 * The call's local time (in `timezone`) is inside a window: `from` inclusive, `until` exclusive, a date alone meaning 00:00; either end may be left out. A list holds when any window does. For campaigns and one-off openings.
 */
export type DuringTest = (Window | [Window, ...(Window)[]])
/**
 * A value (equals), a list of values (equals any), or one test object.
 */
export type Test = (Scalar | [Scalar, ...(Scalar)[]] | TestObject)
/**
 * The inner test does not hold.
 */
export type Test1 = (Scalar | [Scalar, ...(Scalar)[]] | TestObject)
export type CountryCode = string

/**
 * Routing rules for one Ringostat webhook number. The file stem is the webhook's name and URL path (routes/sales.yaml answers on /sales).
 */
export interface WebhookRoutes {
/**
 * What this webhook is for; shown in `explain` and the build manifest.
 */
description?: string
/**
 * IANA time zone the `date` parameter and all `hours` are read in. Required when any rule uses `hours`.
 */
timezone?: string
answer?: Answer
default: DefaultRoute
auth?: Auth
/**
 * Named weekly schedules, local to `timezone`. Rules refer to them with `hours: <name>`.
 */
hours?: {
[k: string]: Schedule | undefined
}
/**
 * Named lists of values, inline or in a `.txt` file under routes/ (one value per line, `#` starts a comment). Rules refer to them with `{ in: <name> }`.
 */
lists?: {
[k: string]: ListSource | undefined
}
/**
 * Evaluated top to bottom; the first rule whose `when` holds answers the call.
 */
rules?: Rule[]
}
/**
 * How answers are written. Must mirror the webhook's settings in Ringostat (receive type and destination field name).
 */
export interface Answer {
/**
 * Destination field name for `json` and `json-rpc` answers (Ringostat recommends dst_phone or dst_callee). Scheme answers always use `schema`.
 */
field?: string
/**
 * Ringostat's receive type: `json` ({"dst_phone": "..."}), `json-rpc` (JSON-RPC 2.0 result) or `text` (the bare destination; cannot answer a `schema`).
 */
format?: ("json" | "json-rpc" | "text")
}
/**
 * The answer when no rule matches, and on any failure. Exactly one of `to`, `schema`, `split`.
 */
export interface DefaultRoute {
to?: Destinations
schema?: SchemeId
split?: Split
}
export interface Branch {
/**
 * A positive integer; the branch gets weight/total of the callers.
 */
weight: number
to?: Destinations
schema?: SchemeId
}
/**
 * When present, every request must carry `?key=<token>` (or an `x-route-key` header) whose SHA-256 is `key_sha256`. Generate one with `npm run routes -- key`.
 */
export interface Auth {
/**
 * Lower-case hex SHA-256 of the key. The key itself never goes into git.
 */
key_sha256: string
}
/**
 * A weekly schedule. Keys are a day (`mon`) or a day range (`mon-fri`; ranges may wrap, like `fri-mon`) mapped to one or more `HH:MM-HH:MM` ranges; a range whose end is before its start runs past midnight into the next day. `closed` lists whole local dates off.
 */
export interface Schedule {
/**
 * Whole days off (holidays), as YYYY-MM-DD local dates.
 */
closed?: string[]
[k: string]: TimeRanges | string[] | undefined
}
export interface Rule {
/**
 * A name: letters, digits, `_`, `.` and `-`, starting with a letter or digit.
 */
id: string
/**
 * Free text for reviewers.
 */
description?: string
when?: When
route: Route
}
/**
 * Call parameter name -> test; every entry must hold. `hours` and `during` test the call's time instead of a parameter. Omit `when` to match every call.
 */
export interface When {
hours?: HoursTest
during?: DuringTest
[k: string]: Test | HoursTest | DuringTest | undefined
}
/**
 * A span of local time: `from` inclusive, `until` exclusive; either may be left out.
 */
export interface Window {
/**
 * The window opens at this local date (00:00) or date and time.
 */
from?: string
/**
 * The window closes at this local date (00:00) or date and time, exclusive.
 */
until?: string
}
export interface TestObject {
/**
 * A name: letters, digits, `_`, `.` and `-`, starting with a letter or digit.
 */
in?: string
/**
 * The value starts with any of these.
 */
prefix?: (Scalar | [Scalar, ...(Scalar)[]])
/**
 * The value contains any of these (URLs, UTM content).
 */
contains?: (Scalar | [Scalar, ...(Scalar)[]])
/**
 * The value is a number >= min.
 */
min?: number
/**
 * The value is a number <= max.
 */
max?: number
/**
 * true: present and non-empty; false: absent or empty.
 */
exists?: boolean
not?: Test1
/**
 * The value is a phone number of one of these countries (ISO 3166 codes; decided from the number's digits, +7 Russia and Kazakhstan told apart).
 */
country?: (CountryCode | [CountryCode, ...(CountryCode)[]])
}
/**
 * Where the call goes: exactly one of `to`, `schema`, `split`, `table`.
 */
export interface Route {
to?: Destinations
schema?: SchemeId
split?: Split
/**
 * Path (relative to routes/) of a CSV `caller,destination` file; destination is numbers separated by `;`, a SIP string, or `schema:N`. Callers not in the table fall through to the next rule.
 */
table?: string
}
