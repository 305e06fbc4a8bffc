// Pure rendering of proactive messages: facts in, text out. No I/O, no clock, no global state.

export { renderEmail } from './email.js';
export { resolveLocale } from './locale.js';
export { renderSms } from './sms.js';
