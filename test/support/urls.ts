// URLs for the tests of what the components do with a host's links and form actions.

/** Every disguise of a scheme that must never reach an `href` or an `action`. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '  javascript:alert(1)',
  '\u0001\u0010 javascript:alert(1)',
  'java\tscript:alert(1)',
  'jav\nasc\rript:alert(1)',
  'javascript:alert(1)\u0000 ',
  'data:text/html,<script>alert(1)</script>',
  ' DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'blob:https://example.com/0b4c5d2e',
];

export const GOOD_URLS = [
  '/help',
  'help?topic=2fa#codes',
  '../sign-in',
  '//example.com/help',
  'https://example.com/help',
  'HTTP://example.com/help',
  'mailto:support@example.com',
  'tel:+33123456789',
];
