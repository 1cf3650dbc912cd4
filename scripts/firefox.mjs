// The one place that says which Firefox the browser tests launch. Browser downloads are
// impossible here: Debian's firefox-esr (or FIREFOX_PATH) is used, driven over WebDriver BiDi.
export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
