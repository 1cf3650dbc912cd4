// The single-file build for plain HTML pages: Lit included, every element registered, and the
// page's `<html lang>` followed unless the page configures @lit/localize itself.
import './define.js';
import {useSereinLocalization} from './localization.js';

export * from './index.js';
export * from './localization.js';

void useSereinLocalization();
