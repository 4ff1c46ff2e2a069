import message from './message';
import relayEvent from './relay-event';
import suppression from './suppression';
import template from './template';
import templateVersion from './template-version';

export default {
  template,
  'template-version': templateVersion,
  message,
  suppression,
  'relay-event': relayEvent,
};
