import message from './message';
import relayEvent from './relay-event';
import suppression from './suppression';
import template from './template';

export default { template, message, suppression, 'relay-event': relayEvent };
