/** Whether a serviceUrl's host is one of the allowed hosts; "*.example.com" allows its subdomains. An empty list allows any. */
export function isAllowedServiceUrl(serviceUrl: string, allowedHosts: readonly string[]): boolean {
  if (allowedHosts.length === 0) return true;
  const host = new URL(serviceUrl).hostname.toLowerCase();
  return allowedHosts.some((allowed) => (allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) : host === allowed));
}
