// Nothing may download a browser: the machine's Chromium (or CHROME_PATH) is used everywhere.
module.exports = { skipDownload: true, chrome: { skipDownload: true }, 'chrome-headless-shell': { skipDownload: true }, firefox: { skipDownload: true } };
