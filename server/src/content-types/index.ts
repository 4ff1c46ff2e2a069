import message from './message';
import template from './template';
import templateVersion from './template-version';

export default { template, message, 'template-version': templateVersion };
