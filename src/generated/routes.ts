/* DO NOT EDIT: generated from schema/routes.schema.json by `npm run generate`.
 * test/generated/routes.test.ts fails when this file is stale. */

/**
 * The answer when no rule matches, and on any failure. Exactly one of `to`, `schema`, `split`.
 */
export type DefaultRoute = DefaultRoute1
/**
 * Phone numbers in international format (E.164, with or without +) or SIP strings (sip/user@host, sip:user@host); several ring together.
 */
export type Destinations = (Destination | DestinationList)
export type Destination = (string | number)
/**
 * @minItems 1
 */
export type DestinationList = [(string | number), ...((string | number))[]]
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
 * Open hours on Monday: one `HH:MM-HH:MM` range or a list of them.
 */
export type TimeRanges = (TimeRange | TimeRangeList)
export type TimeRange = string
/**
 * @minItems 1
 */
export type TimeRangeList = [TimeRange1, ...(TimeRange1)[]]
export type TimeRange1 = string
/**
 * Open hours on Tuesday: one `HH:MM-HH:MM` range or a list of them.
 */
export type TimeRanges1 = (TimeRange | TimeRangeList)
/**
 * Open hours on Wednesday: one `HH:MM-HH:MM` range or a list of them.
 */
export type TimeRanges2 = (TimeRange | TimeRangeList)
/**
 * Open hours on Thursday: one `HH:MM-HH:MM` range or a list of them.
 */
export type TimeRanges3 = (TimeRange | TimeRangeList)
/**
 * Open hours on Friday: one `HH:MM-HH:MM` range or a list of them.
 */
export type TimeRanges4 = (TimeRange | TimeRangeList)
/**
 * Open hours on Saturday: one `HH:MM-HH:MM` range or a list of them.
 */
export type TimeRanges5 = (TimeRange | TimeRangeList)
/**
 * Open hours on Sunday: one `HH:MM-HH:MM` range or a list of them.
 */
export type TimeRanges6 = (TimeRange | TimeRangeList)
/**
 * Open hours on Monday to Friday: one `HH:MM-HH:MM` range or a list of them.
 */
export type TimeRanges7 = (TimeRange | TimeRangeList)
/**
 * Open hours on Saturday and Sunday: one `HH:MM-HH:MM` range or a list of them.
 */
export type TimeRanges8 = (TimeRange | TimeRangeList)
/**
 * Open hours on every day: one `HH:MM-HH:MM` range or a list of them.
 */
export type TimeRanges9 = (TimeRange | TimeRangeList)
/**
 * One `HH:MM-HH:MM` range (end exclusive; `24:00` allowed as an end) or a list of them.
 * 
 * This interface was referenced by `Schedule`'s JSON-Schema definition
 * via the `patternProperty` "^(?!(mon|tue|wed|thu|fri|sat|sun|mon-fri|sat-sun|mon-sun)$)(mon|tue|wed|thu|fri|sat|sun)-(mon|tue|wed|thu|fri|sat|sun)$".
 */
export type TimeRanges10 = (TimeRange | TimeRangeList)
/**
 * The list's values inline, or the path (relative to routes/) of a `.txt` file with one value per line.
 */
export type ListSource = (InlineList | ListFile)
export type Scalar = (string | number | boolean)
export type InlineList = Scalar[]
export type ListFile = string
/**
 * Call parameter name -> test; every entry must hold. `hours` and `during` test the call's time instead of a parameter. Omit `when` to match every call.
 */
export type When = ({
/**
 * Who calls: the caller's number, like 380441112233.
 */
caller?: {
[k: string]: unknown | undefined
}
/**
 * The tracking number the caller dialled.
 */
callee?: {
[k: string]: unknown | undefined
}
/**
 * When the call happens, `YYYY-MM-DD HH:MM:SS` in the project's time (read in `timezone`; `hours` and `during` test it).
 */
date?: {
[k: string]: unknown | undefined
}
/**
 * The call's direction: `in`.
 */
type?: {
[k: string]: unknown | undefined
}
/**
 * How many calls this caller has made so far (1 on the first).
 */
callnum?: {
[k: string]: unknown | undefined
}
/**
 * UTM source of the caller's visit, like `google`.
 */
source?: {
[k: string]: unknown | undefined
}
/**
 * UTM medium of the caller's visit, like `cpc`.
 */
medium?: {
[k: string]: unknown | undefined
}
/**
 * UTM campaign of the caller's visit.
 */
campaign?: {
[k: string]: unknown | undefined
}
/**
 * UTM content of the caller's visit.
 */
content?: {
[k: string]: unknown | undefined
}
/**
 * UTM term of the caller's visit.
 */
term?: {
[k: string]: unknown | undefined
}
/**
 * The call's ID (as `callid`).
 */
record?: {
[k: string]: unknown | undefined
}
/**
 * The call's ID.
 */
callid?: {
[k: string]: unknown | undefined
}
/**
 * The visitor's Google Analytics client ID.
 */
useruuid?: {
[k: string]: unknown | undefined
}
/**
 * The visitor's IP address.
 */
userip?: {
[k: string]: unknown | undefined
}
/**
 * The forwarding step and its timeout, like `webhookNumber:90`.
 */
callroute?: {
[k: string]: unknown | undefined
}
/**
 * `1` on the caller's first call ever.
 */
uniquefirst?: {
[k: string]: unknown | undefined
}
/**
 * The URL of the last page the visitor saw.
 */
lastpage?: {
[k: string]: unknown | undefined
}
/**
 * The URL of the visitor's landing page.
 */
landing?: {
[k: string]: unknown | undefined
}
/**
 * How the number was substituted on the site: `dynamic`, `static` or `callback`.
 */
replacetype?: {
[k: string]: unknown | undefined
}
/**
 * The name of the number pool.
 */
pool?: {
[k: string]: unknown | undefined
}
/**
 * The Google Analytics property, like `UA-11111111-1`.
 */
gaid?: {
[k: string]: unknown | undefined
}
/**
 * A number in international form with `+`, like `+380441112233`.
 */
fullnum?: {
[k: string]: unknown | undefined
}
/**
 * A number in E.164 form with `+`, like `+380441112233`.
 */
E164?: {
[k: string]: unknown | undefined
}
/**
 * The extension the caller typed in the IVR.
 */
ivrnum?: {
[k: string]: unknown | undefined
}
/**
 * A custom value captured on the site.
 */
custom?: {
[k: string]: unknown | undefined
}
/**
 * The Roistat visit, when the project uses Roistat.
 */
roistat?: {
[k: string]: unknown | undefined
}
/**
 * The Ringostat project's ID.
 */
project_id?: {
[k: string]: unknown | undefined
}
/**
 * Ringostat's proper-call flag, `0` or `1`.
 */
proper_flag?: {
[k: string]: unknown | undefined
}
/**
 * `1` when the caller has called before, else `0`.
 */
repeated_flag?: {
[k: string]: unknown | undefined
}
/**
 * The outbound number, like `380671234567`.
 */
outbound_number?: {
[k: string]: unknown | undefined
}
/**
 * The visitor's browser (its User-Agent).
 */
useragent?: {
[k: string]: unknown | undefined
}
/**
 * The substitution type under the name Ringostat's PHP sample uses (by default it is `replacetype`).
 */
insertionType?: {
[k: string]: unknown | undefined
}
} & When1)
/**
 * The call's time is inside the named schedule, or outside it with `{ not: name }`.
 */
export type HoursTest = (InsideASchedule | OutsideASchedule)
/**
 * The call's time is inside this schedule (a name under `hours:`).
 */
export type InsideASchedule = string
/**
 * A name: letters, digits, `_`, `.` and `-`, starting with a letter or digit.
 */
export type Name = string
/**
 * The call's local time (in `timezone`) is inside a window: `from` inclusive, `until` exclusive, a date alone meaning 00:00; either end may be left out. A list holds when any window does. For campaigns and one-off openings.
 */
export type DuringTest = (Window | WindowList)
/**
 * @minItems 1
 */
export type WindowList = [Window1, ...(Window1)[]]
/**
 * A value (equals), a list of values (equals any), or one test object.
 */
export type Test = (Equals | EqualsAny | TestObject)
export type Equals = (string | number | boolean)
/**
 * @minItems 1
 */
export type EqualsAny = [Scalar, ...(Scalar)[]]
export type OneValue = (string | number | boolean)
/**
 * @minItems 1
 */
export type ValueList = [Scalar, ...(Scalar)[]]
/**
 * The inner test does not hold.
 */
export type Test1 = (Equals | EqualsAny | TestObject)
export type Country = string
/**
 * @minItems 1
 */
export type CountryList = [CountryCode, ...(CountryCode)[]]
export type CountryCode = string
/**
 * Where the call goes: exactly one of `to`, `schema`, `split`, `table`.
 */
export type Route = Route1

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
export interface DefaultRoute1 {
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
mon?: TimeRanges
tue?: TimeRanges1
wed?: TimeRanges2
thu?: TimeRanges3
fri?: TimeRanges4
sat?: TimeRanges5
sun?: TimeRanges6
"mon-fri"?: TimeRanges7
"sat-sun"?: TimeRanges8
"mon-sun"?: TimeRanges9
/**
 * Whole days off (holidays), as YYYY-MM-DD local dates.
 */
closed?: string[]
[k: string]: TimeRanges10 | TimeRanges | TimeRanges1 | TimeRanges2 | TimeRanges3 | TimeRanges4 | TimeRanges5 | TimeRanges6 | TimeRanges7 | TimeRanges8 | TimeRanges9 | string[] | undefined
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
export interface When1 {
hours?: HoursTest
during?: DuringTest
[k: string]: Test | HoursTest | DuringTest | undefined
}
/**
 * The call's time is outside this schedule.
 */
export interface OutsideASchedule {
not: Name
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
/**
 * A span of local time: `from` inclusive, `until` exclusive; either may be left out.
 */
export interface Window1 {
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
prefix?: (OneValue | ValueList)
/**
 * The value contains any of these (URLs, UTM content).
 */
contains?: (OneValue | ValueList)
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
country?: (Country | CountryList)
}
export interface Route1 {
to?: Destinations
schema?: SchemeId
split?: Split
/**
 * Path (relative to routes/) of a CSV `caller,destination` file; destination is numbers separated by `;`, a SIP string, or `schema:N`. Callers not in the table fall through to the next rule.
 */
table?: string
}
