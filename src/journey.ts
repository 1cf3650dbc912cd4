// Journey events for analytics: the buffered observer, for scripts that may run after the
// elements were shown, and the event types.
export {observeSereinJourney, JOURNEY_BUFFER_SIZE as SEREIN_JOURNEY_BUFFER_SIZE} from './internal/journey-log.js';
export type {
  SereinComponentName,
  SereinJourneyAction,
  SereinJourneyDetail,
  SereinJourneyEvent,
  SereinJourneyObserverOptions,
} from './events/journey.js';
