/**
 * Where to go after signing in: only local office paths. `next=https://evil.example` or `//evil.example` must not
 * redirect away, and a CR/LF or any other character outside a plain path and query must not reach the Location
 * header.
 */
export function safeNext(next: string | undefined): string {
  return next && /^\/van-phong(\/[\w\-./%~]*)?(\?[\w\-./%~=&]*)?$/.test(next) && !next.includes('//')
    ? next
    : '/van-phong';
}
