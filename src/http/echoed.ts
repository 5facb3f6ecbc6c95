// What a problem may echo of a client's input: enough to recognise it, never the whole of a
// 16 KB query string. A module of its own so that schemas can use it without importing the
// query-string parser (which imports the schemas).
const ECHO_LIMIT = 100

export function echoed(text: string): string {
  return text.length <= ECHO_LIMIT ? text : `${text.slice(0, ECHO_LIMIT)}…`
}
