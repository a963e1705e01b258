// What the tests look for in output that must be safe for a terminal: raw control characters.
// Written here independently of source/view/sanitize.ts, so a test never checks the sanitizer
// against its own pattern.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding raw C0, DEL and C1 controls is the point
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
/** The same, newline included: for text that must be one line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding raw C0, DEL and C1 controls is the point
export const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The tabs of BIND 9's nslookup layout (isc-projects/bind9 bin/dig/nslookup.c: printmessage's
 * `Server:\t\t` and `Address:\t`, printsection's `Name:\t` and `OWNER\tTYPE = `), as spaces: the
 * only tabs an nslookup line may carry, where BIND puts them (one per line, two after `Server:`).
 */
export const withoutBindTabs = (line: string) => line.replace(/^Server:\t\t|^(Address:|Name:|[^\t]+)\t(?=\S)/, (_, label = 'Server:') => `${label} `);
