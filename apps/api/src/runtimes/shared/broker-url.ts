/** A broker URL fit for an error message: scheme, host, port and path, never the credentials. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'an unparsable URL';
  }
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `text` (an error message from a client library) with the URL's password, as written and decoded, masked. */
export function maskPassword(text: string, url: string): string {
  let password: string;
  try {
    password = new URL(url).password;
  } catch {
    return text.split(url).join('***');
  }
  if (password === '') {
    return text;
  }
  return [password, decoded(password)].reduce((masked, secret) => masked.split(secret).join('***'), text);
}
