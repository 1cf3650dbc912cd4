// The event handlers of App.vue, in TypeScript that `tsc -p examples/vue` checks.
import type {SereinPasswordChangeDetail, SereinStrengthChangeDetail} from 'serein/index.js';
import {api} from './api.js';

export interface Me {
  email: string;
  name: string;
  passwordChangeReason: 'user' | 'breach';
}

export const loadMe = () => api<Me>('/api/me');

export function changePassword(event: CustomEvent<SereinPasswordChangeDetail>): void {
  const {currentPassword, newPassword, signOutOthers, waitUntil} = event.detail;
  waitUntil(api('/api/password', {currentPassword, newPassword, signOutOthers}));
}

export function describeStrength(event: CustomEvent<SereinStrengthChangeDetail>): string {
  const {score, acceptable} = event.detail;
  return `Score ${score} of 4: ${acceptable ? 'acceptable' : 'not acceptable yet'}.`;
}
